//! The window driven headless with egui_kittest on the real app state: samples load, topics
//! scroll every column, cues explain themselves, teaching mode hides outlets, articles can be
//! removed, workspaces save and reopen, keyboard shortcuts work.

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use framediff::gui::app::Command;
use framediff::gui::{FramediffApp, State};
use std::time::Duration;

const WAIT: Duration = Duration::from_secs(60);

fn harness() -> Harness<'static, FramediffApp> {
    let mut app = FramediffApp::with_state(State::default());
    app.start(Vec::new());
    assert!(app.wait_idle(WAIT), "analysis did not finish");
    let mut h = Harness::builder()
        .with_size(egui::vec2(1600.0, 900.0))
        .with_max_steps(200)
        .build_ui_state(|ui, app: &mut FramediffApp| app.frame_ui(ui), app);
    h.run();
    h
}

fn settle(h: &mut Harness<'static, FramediffApp>) {
    h.run();
    assert!(
        h.state_mut().wait_idle(WAIT),
        "background work did not finish"
    );
    h.run();
}

#[test]
fn samples_load_into_columns() {
    let h = harness();
    let app = h.state();
    assert_eq!(app.state.workspace.entries.len(), 4);
    let analysis = app.view.analysis.as_ref().expect("analysed");
    assert_eq!(analysis.articles.len(), 4);
    h.get_by_label("A · Meridian Wire (illustrative)");
    h.get_by_label("D · The Long View (illustrative)");
}

#[test]
fn selecting_a_topic_scrolls_every_column_to_it() {
    let mut h = harness();
    let (label, firsts) = {
        let app = h.state();
        let a = app.view.analysis.as_ref().unwrap();
        // the topic whose first sentences lie deepest in the articles, covered by 2+ articles
        let t = (0..a.topics.len())
            .filter(|&t| a.topics[t].members.len() >= 2)
            .max_by_key(|&t| app.view.index.first[t].iter().flatten().sum::<usize>())
            .expect("a shared topic");
        let firsts: Vec<(usize, usize)> = app.view.index.first[t]
            .iter()
            .enumerate()
            .filter_map(|(i, s)| s.map(|s| (i, s)))
            .collect();
        (a.topics[t].label.clone(), firsts)
    };
    assert!(
        firsts.iter().any(|&(_, s)| s >= 6),
        "pick a topic far enough down: {firsts:?}"
    );
    h.get_by_label(&label).click_accesskit();
    h.run();
    h.run();
    let app = h.state();
    assert!(app.view.selected_topic.is_some());
    for (i, s) in firsts {
        let rect = app
            .view
            .layout
            .rects
            .get(&(framediff::ArticleId(i), s))
            .expect("first sentence drawn");
        let col = app.view.layout.columns[i];
        assert!(
            rect.top() >= col.top() - 2.0 && rect.top() < col.bottom(),
            "column {i}: sentence {s} at {rect:?} is outside {col:?}"
        );
    }
}

#[test]
fn hovering_a_cue_explains_it() {
    let mut h = harness();
    let (text, note) = {
        let a = h.state().view.analysis.clone().unwrap();
        let c = a
            .cues
            .iter()
            .find(|c| {
                matches!(
                    c.category,
                    framediff::frame::CueKind::Hedge | framediff::frame::CueKind::Loaded
                )
            })
            .expect("the samples have hedges and loaded words");
        (c.text.clone(), c.note.clone())
    };
    h.get_all_by_label(&text)
        .next()
        .expect("cue drawn as its own run")
        .hover();
    h.run();
    let probe: String = note.chars().take(30).collect();
    assert!(
        h.query_by_label_contains(&probe).is_some(),
        "no tooltip with {probe:?}"
    );
}

#[test]
fn teaching_mode_hides_and_reveals_outlets() {
    let mut h = harness();
    h.get_by_label("View").click();
    h.run();
    h.get_by_label("Teaching mode (hide outlets and titles)")
        .click();
    h.run();
    assert!(h.state().state.workspace.settings.teaching_mode);
    assert!(h.query_by_label_contains("Meridian Wire").is_none());
    assert!(
        h.get_all_by_label("Article A").count() >= 2,
        "library and column"
    );
    h.key_press(egui::Key::Escape);
    h.run();
    h.get_by_label("Reveal outlets").click();
    h.run();
    h.get_by_label("A · Meridian Wire (illustrative)");
}

#[test]
fn removing_an_article_keeps_the_others() {
    let mut h = harness();
    h.get_all_by_label("Remove").next().unwrap().click();
    settle(&mut h);
    let app = h.state();
    assert_eq!(app.state.workspace.entries.len(), 3);
    assert_eq!(app.view.analysis.as_ref().unwrap().articles.len(), 3);
    assert!(h.query_by_label_contains("Meridian Wire").is_none());
    h.get_by_label("A · Volga Dispatch (illustrative)");
}

#[test]
fn workspace_saves_and_reopens_with_notes() {
    let dir = std::env::temp_dir().join(format!("framediff-gui-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("w.framediff");
    let mut h = harness();
    let target = framediff::workspace::NoteTarget::Sentence {
        article: "assets/samples/01-meridian-wire.md".into(),
        sentence: 0,
    };
    h.state_mut().run_cmd(Command::SetNote(
        target.clone(),
        "check the dateline".into(),
    ));
    h.state_mut().run_cmd(Command::ToggleHidden(3));
    h.state_mut()
        .run_cmd(Command::SaveWorkspaceTo(path.clone()));
    settle(&mut h);
    assert!(
        h.state().view.problems.is_empty(),
        "{:?}",
        h.state().view.problems
    );
    h.get_by_label(" [note]");

    let mut app = FramediffApp::with_state(State::default());
    app.run_cmd(Command::OpenWorkspace(path.clone()));
    assert!(app.wait_idle(WAIT));
    assert_eq!(app.state.workspace.entries.len(), 4);
    assert!(app.state.workspace.entries[3].hidden);
    assert_eq!(
        app.state.workspace.note(&target),
        Some("check the dateline")
    );
    assert_eq!(app.view.analysis.as_ref().unwrap().articles.len(), 3);

    // a corrupt workspace is a clear error and changes nothing
    let bad = dir.join("bad.framediff");
    std::fs::write(&bad, "{ this is not a workspace").unwrap();
    app.run_cmd(Command::OpenWorkspace(bad.clone()));
    assert_eq!(app.state.workspace.entries.len(), 4);
    assert!(
        app.view
            .problems
            .iter()
            .any(|p| p.contains("bad.framediff") && p.contains("not a valid"))
    );
    assert_eq!(
        std::fs::read_to_string(&bad).unwrap(),
        "{ this is not a workspace"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn keyboard_steps_topics_and_escape_clears() {
    let mut h = harness();
    h.key_press(egui::Key::ArrowDown);
    h.run();
    assert_eq!(h.state().view.selected_topic, Some(0));
    h.key_press(egui::Key::ArrowDown);
    h.run();
    assert_eq!(h.state().view.selected_topic, Some(1));
    h.key_press(egui::Key::Escape);
    h.run();
    assert_eq!(h.state().view.selected_topic, None);
}

#[test]
fn pasted_text_becomes_an_article() {
    let mut h = harness();
    h.state_mut().run_cmd(Command::OpenPaste(String::new()));
    h.run();
    let input = h.get_by_role(egui::accesskit::Role::MultilineTextInput);
    input.focus();
    input.type_text(
        "Kharkiv residents shelter in metro\n\nResidents of Kharkiv spent the night in metro stations as the offensive continued.",
    );
    h.run();
    h.get_by_label("Add as article").click();
    settle(&mut h);
    let app = h.state();
    assert_eq!(app.state.workspace.entries.len(), 5);
    assert_eq!(
        app.state.workspace.entries[4].article.title,
        "Kharkiv residents shelter in metro"
    );
}

#[test]
fn find_counts_matches_across_articles() {
    let mut h = harness();
    h.state_mut().run_cmd(Command::SetFind("Kharkiv".into()));
    h.run();
    let app = h.state();
    let articles: std::collections::BTreeSet<usize> =
        app.view.find_matches.iter().map(|m| m.0.index()).collect();
    assert_eq!(articles.len(), 4, "every sample mentions Kharkiv");
}

#[test]
fn export_writes_every_format_with_notes() {
    let dir = std::env::temp_dir().join(format!("framediff-export-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let mut h = harness();
    let target = framediff::workspace::NoteTarget::Topic {
        label: "anything".into(),
    };
    h.state_mut()
        .run_cmd(Command::SetNote(target, "discuss in class".into()));
    for (format, ext) in [
        (framediff::report::ReportFormat::Html, "html"),
        (framediff::report::ReportFormat::Markdown, "md"),
        (framediff::report::ReportFormat::Json, "json"),
    ] {
        let path = dir.join(format!("out.{ext}"));
        h.state_mut()
            .run_cmd(Command::ExportTo(format, path.clone()));
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.contains("discuss in class"), "{ext}");
        assert!(text.contains("Meridian Wire"), "{ext}");
    }
    assert!(h.state().view.problems.is_empty());
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn adding_files_by_path_keeps_good_ones_and_reports_bad_ones() {
    let mut h = harness();
    let fixtures = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    h.state_mut().run_cmd(Command::AddPaths(vec![
        fixtures.join("copied-page.txt"),
        fixtures.join("empty.txt"),
    ]));
    settle(&mut h);
    let app = h.state();
    assert_eq!(app.state.workspace.entries.len(), 5);
    assert!(
        app.view
            .problems
            .iter()
            .any(|p| p.contains("empty.txt") && p.contains("empty")),
        "{:?}",
        app.view.problems
    );
    h.get_by_label("Could not load");
    assert_eq!(app.view.analysis.as_ref().unwrap().articles.len(), 5);
}

/// Serves one HTML article on 127.0.0.1 (a port of its own) for as many requests as come.
fn serve_article_once() -> String {
    use std::io::{Read, Write};
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("a loopback port");
    let addr = listener.local_addr().unwrap();
    std::thread::spawn(move || {
        for stream in listener.incoming().take(4) {
            let Ok(mut s) = stream else { continue };
            let mut buf = [0u8; 4096];
            let _ = s.read(&mut buf);
            let body = "<!doctype html><html><head><title>Dam repairs begin in the valley</title></head><body><article><h1>Dam repairs begin in the valley</h1><p>Engineers began repairs on the old dam on Monday, the regional water authority said in a statement.</p><p>The work is expected to last three months, and the reservoir will stay at a low level until it ends.</p></article></body></html>";
            let _ = write!(
                s,
                "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
                body.len()
            );
        }
    });
    format!("http://{addr}/article")
}

#[test]
fn an_article_opens_from_its_address() {
    let url = serve_article_once();
    let mut h = harness();
    let (ctrl_l, modifiers) = (egui::Key::L, egui::Modifiers::COMMAND);
    h.key_press_modifiers(modifiers, ctrl_l);
    h.run();
    assert!(h.state().view.url_open, "Ctrl+L opens the address box");
    let input = h.get_by_role(egui::accesskit::Role::TextInput);
    input.focus();
    input.type_text(&url);
    h.run();
    h.get_by_label("Open").click();
    settle(&mut h);
    let app = h.state();
    assert_eq!(
        app.state.workspace.entries.len(),
        5,
        "{:?}",
        app.view.problems
    );
    let added = &app.state.workspace.entries[4].article;
    assert_eq!(added.url.as_deref(), Some(url.as_str()));
    assert!(added.body.contains("Engineers began repairs"));
    // a bad address is reported, not silently ignored
    let mut h = harness();
    h.state_mut()
        .run_cmd(Command::FetchUrl("ftp://example.invalid/x".into()));
    h.run();
    assert!(
        h.state()
            .view
            .problems
            .iter()
            .any(|p| p.contains("not a web address"))
    );
}

#[test]
fn a_hostile_session_and_workspace_are_repaired_not_fatal() {
    // a saved session with a zoom that is not a number (it used to panic on every start)
    let mut state = State::default();
    state.workspace.settings.zoom = f32::NAN;
    let mut app = FramediffApp::with_state(state);
    app.start(Vec::new());
    assert!(app.wait_idle(WAIT));
    assert_eq!(app.state.workspace.settings.zoom, 1.0);
    assert!(
        app.view
            .problems
            .iter()
            .any(|p| p.contains("last session was repaired"))
    );
    let mut h = Harness::builder()
        .with_size(egui::vec2(1200.0, 800.0))
        .with_max_steps(200)
        .build_ui_state(|ui, app: &mut FramediffApp| app.frame_ui(ui), app);
    h.run();
    // a workspace file with sentence indices out of range and a huge zoom opens repaired
    let dir = std::env::temp_dir().join(format!("framediff-hostile-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("bad.framediff");
    let mut ws = h.state().state.workspace.clone();
    ws.settings.zoom = 1e6;
    ws.entries[0].article.sentences[0].start = 999_999;
    ws.notes.push(framediff::Note {
        target: framediff::NoteTarget::Sentence {
            article: ws.entries[0].article.path.clone(),
            sentence: 10_000,
        },
        text: "nowhere".into(),
    });
    std::fs::write(&path, ws.to_json()).unwrap();
    h.state_mut().run_cmd(Command::OpenWorkspace(path.clone()));
    settle(&mut h);
    let app = h.state();
    assert!(app.state.workspace.settings.zoom <= 3.0);
    assert!(app.state.workspace.notes.is_empty());
    assert!(app.view.analysis.is_some(), "analysed after the repair");
    assert!(
        app.view
            .problems
            .iter()
            .any(|p| p.contains("bad.framediff"))
    );
    // a file that is not a workspace is refused with a reason and changes nothing
    let not_ws = dir.join("notes.txt");
    std::fs::write(&not_ws, "just some text").unwrap();
    let before = h.state().state.workspace.entries.len();
    h.state_mut().run_cmd(Command::OpenWorkspace(not_ws));
    h.run();
    assert_eq!(h.state().state.workspace.entries.len(), before);
    assert!(
        h.state()
            .view
            .problems
            .iter()
            .any(|p| p.contains("notes.txt"))
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn overview_figures_are_computed_once_and_match_the_analysis() {
    let h = harness();
    let app = h.state();
    let a = app.view.analysis.as_ref().unwrap();
    let stats = &app.view.index.stats;
    assert_eq!(stats.len(), a.articles.len());
    for (i, s) in stats.iter().enumerate() {
        let quotes = a
            .quotes
            .iter()
            .filter(|q| q.article.index() == i && !q.scare)
            .count();
        assert_eq!(s.voices.iter().map(|v| v.1).sum::<usize>(), quotes);
        let hedges = a
            .cues
            .iter()
            .filter(|c| c.article.index() == i && c.category == framediff::frame::CueKind::Hedge)
            .count() as f32;
        let words = a.articles[i].word_count().max(1) as f32;
        assert!((s.hedges_per_100 - 100.0 * hedges / words).abs() < 1e-4);
        assert!(s.frames.windows(2).all(|w| w[0].1 >= w[1].1), "most first");
    }
}
