//! The window driven headless with egui_kittest on the real app state: samples load, topics
//! scroll every column, cues explain themselves, teaching mode hides outlets, articles can be
//! removed, workspaces save and reopen, keyboard shortcuts work, and without a system file
//! dialog framediff's own chooser adds, saves, cancels and reports unreadable folders. Nothing is
//! lost: files that are not workspaces are refused on open and never replaced on save without
//! asking, a workspace path on the command line opens it, *New comparison* asks before it
//! discards unsaved work, and removing, hiding, moving and notes undo and redo. Each article
//! keeps its letter and colour when others are hidden, moved or removed.
//! A difference is one click (or Alt+Down) from its evidence, an omission from its closest passage.
//! The layout fits: columns keep a readable width and page (Alt+Left/Right) when they do not all
//! fit, the change map is drawn, explains itself and scrolls the columns, the word diff opens
//! beside the clicked sentence, the right panel keeps its width, and Help explains the marks.

use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use framediff::gui::app::Command;
use framediff::gui::chooser::{DialogPolicy, ListState};
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
fn hovering_an_aligned_sentence_says_what_ties_it() {
    let mut h = harness();
    let (k, text, expect) = {
        let a = h.state().view.analysis.clone().unwrap();
        // the first run of an aligned sentence: its words before the first cue or quote,
        // long enough to be found by their text alone
        let first_run = |r: (framediff::ArticleId, usize)| -> Option<String> {
            let text = &a.articles[r.0.index()].sentences[r.1].text;
            let cut = a
                .cues
                .iter()
                .filter(|c| (c.article, c.sentence) == r)
                .map(|c| c.start)
                .chain(
                    a.quotes
                        .iter()
                        .filter(|q| (q.article, q.sentence) == r)
                        .map(|q| q.start),
                )
                .min()
                .unwrap_or(text.len());
            (cut >= 30).then(|| text[..cut].to_string())
        };
        let (k, text, other) = a
            .alignments
            .iter()
            .enumerate()
            .find_map(|(k, al)| {
                first_run(al.a)
                    .map(|t| (k, t, al.b))
                    .or_else(|| first_run(al.b).map(|t| (k, t, al.a)))
            })
            .expect("the samples have an aligned sentence with a long first run");
        let expect = format!(
            "Aligned with {}, sentence {}",
            other.0.letter(),
            other.1 + 1
        );
        (k, text, expect)
    };
    // the samples are too few for the support of other articles: say this pair had it
    {
        let analysis = h.state_mut().view.analysis.as_mut().unwrap();
        std::sync::Arc::make_mut(analysis).alignments[k].support = 4;
    }
    h.get_all_by_label(&text)
        .next()
        .expect("the first run is drawn")
        .hover();
    h.run();
    assert!(
        h.query_by_label_contains(&expect).is_some(),
        "no tooltip with {expect:?}"
    );
    let support = "aligned with the same sentences of 4 other articles";
    assert!(
        h.query_by_label_contains(support).is_some(),
        "no tooltip with {support:?}"
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
    // the others keep their letters: B stays B
    h.get_by_label("B · Volga Dispatch (illustrative)");
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
    assert!(app.wait_idle(WAIT));
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
        assert_eq!(h.state().view.status.as_deref(), Some("Exporting…"));
        settle(&mut h);
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
    h.get_by_label("Problems and notices");
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
    settle(&mut h);
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

/// eframe's storage kept in memory, as a test double for the file eframe writes.
#[derive(Default)]
struct MemStorage(std::collections::HashMap<String, String>);

impl eframe::Storage for MemStorage {
    fn get_string(&self, key: &str) -> Option<String> {
        self.0.get(key).cloned()
    }
    fn set_string(&mut self, key: &str, value: String) {
        self.0.insert(key.to_string(), value);
    }
    fn remove_string(&mut self, key: &str) {
        self.0.remove(key);
    }
    fn flush(&mut self) {}
}

fn restored(storage: Option<&MemStorage>, dir: &std::path::Path) -> FramediffApp {
    let storage = storage.map(|s| s as &dyn eframe::Storage);
    let mut app = FramediffApp::restore(
        storage,
        Some(dir.to_path_buf()),
        std::sync::Arc::new(framediff::Config::builtin()),
    );
    app.start(Vec::new());
    assert!(app.wait_idle(WAIT), "analysis did not finish");
    app
}

/// The eframe value holds no article text: no `body` field, no sentence of any article, small.
fn assert_small_eframe_value(storage: &MemStorage, ws: &framediff::workspace::Workspace) {
    let value = eframe::Storage::get_string(storage, eframe::APP_KEY).expect("state saved");
    assert!(!value.contains("body"), "{value}");
    assert!(!value.contains("workspace:"), "{value}");
    for e in &ws.entries {
        let first = e.article.body.lines().next().unwrap_or_default();
        assert!(first.is_empty() || !value.contains(first));
    }
    assert!(value.len() < 1000, "{} bytes", value.len());
}

#[test]
fn the_session_is_kept_in_its_own_file_and_read_back_on_the_next_start() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("session.framediff");
    let mut app = restored(None, dir.path());
    assert!(!app.state.workspace.entries.is_empty(), "the samples");
    app.state.workspace.settings.zoom = 1.25;
    app.state.workspace.notes.push(framediff::Note {
        target: framediff::NoteTarget::Topic {
            label: "any".into(),
        },
        text: "kept between runs".into(),
    });
    let mut storage = MemStorage::default();
    eframe::App::save(&mut app, &mut storage);
    assert!(file.is_file());
    assert_small_eframe_value(&storage, &app.state.workspace);
    // nothing changed: nothing is written
    std::fs::remove_file(&file).unwrap();
    eframe::App::save(&mut app, &mut storage);
    assert!(!file.exists(), "an unchanged session was written again");
    app.state.workspace.settings.zoom = 1.5;
    eframe::App::save(&mut app, &mut storage);
    assert!(file.is_file());
    let saved = app.state.workspace.to_json();

    let next = restored(Some(&storage), dir.path());
    assert_eq!(next.state.workspace.to_json(), saved);
    assert_eq!(next.state.workspace.settings.zoom, 1.5);
    assert!(next.view.problems.is_empty(), "{:?}", next.view.problems);
    assert!(next.view.analysis.is_some());
}

#[test]
fn an_older_session_in_eframes_storage_is_used_once_then_moved_to_the_file() {
    #[derive(serde::Serialize)]
    struct Older<'a> {
        workspace: &'a framediff::workspace::Workspace,
        dirty: bool,
    }
    let dir = tempfile::tempdir().unwrap();
    let mut ws = restored(None, dir.path()).state.workspace.clone();
    ws.entries.truncate(2);
    ws.settings.zoom = 1.75;
    let mut storage = MemStorage::default();
    eframe::set_value(
        &mut storage,
        eframe::APP_KEY,
        &Older {
            workspace: &ws,
            dirty: false,
        },
    );
    assert!(
        eframe::Storage::get_string(&storage, eframe::APP_KEY)
            .unwrap()
            .contains("body")
    );
    let mut app = restored(Some(&storage), dir.path());
    assert_eq!(app.state.workspace.entries.len(), 2);
    assert_eq!(app.state.workspace.settings.zoom, 1.75);
    eframe::App::save(&mut app, &mut storage);
    assert!(dir.path().join("session.framediff").is_file());
    assert_small_eframe_value(&storage, &app.state.workspace);
    let next = restored(Some(&storage), dir.path());
    assert_eq!(
        next.state.workspace.to_json(),
        app.state.workspace.to_json()
    );
}

#[test]
fn a_truncated_session_file_is_said_kept_aside_and_the_samples_load() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("session.framediff");
    let mut ws = restored(None, dir.path()).state.workspace.clone();
    ws.entries.truncate(1);
    let json = ws.to_json();
    let cut = json.as_bytes()[..json.len() / 2].to_vec();
    std::fs::write(&file, &cut).unwrap();

    let mut app = restored(None, dir.path());
    let said: Vec<_> = app
        .view
        .problems
        .iter()
        .filter(|p| p.starts_with("The last session could not be read ("))
        .collect();
    assert_eq!(said.len(), 1, "{:?}", app.view.problems);
    assert!(said[0].contains("it was kept as "), "{}", said[0]);
    let copies: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            name.starts_with("session-broken-") && name.ends_with(".framediff")
        })
        .collect();
    assert_eq!(copies.len(), 1);
    assert!(said[0].contains(&*copies[0].display().to_string()));
    assert_eq!(
        std::fs::read(&copies[0]).unwrap(),
        cut,
        "the original bytes"
    );
    // the app runs with the samples
    assert!(app.state.workspace.entries.len() > 1);
    assert!(app.view.analysis.is_some());
    let mut h = Harness::builder()
        .with_size(egui::vec2(1200.0, 800.0))
        .with_max_steps(200)
        .build_ui_state(|ui, app: &mut FramediffApp| app.frame_ui(ui), {
            // the next save replaces the broken file; its copy stays as it was
            let mut storage = MemStorage::default();
            eframe::App::save(&mut app, &mut storage);
            app
        });
    h.run();
    assert!(framediff::files::read_workspace(&file).is_ok());
    assert_eq!(std::fs::read(&copies[0]).unwrap(), cut);
    // a second broken start keeps a second copy, never writing over the first
    std::fs::write(&file, b"{ not a workspace").unwrap();
    let again = restored(None, dir.path());
    assert!(
        again
            .view
            .problems
            .iter()
            .any(|p| p.starts_with("The last session could not be read"))
    );
    let n = std::fs::read_dir(dir.path())
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .file_name()
                .to_string_lossy()
                .starts_with("session-broken-")
        })
        .count();
    assert_eq!(n, 2);
    assert_eq!(std::fs::read(&copies[0]).unwrap(), cut);
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

/// The samples analysed, with the system file dialog forced off and dialogs starting in `dir`.
fn in_window_harness(dir: &std::path::Path) -> Harness<'static, FramediffApp> {
    let mut app = FramediffApp::with_state(State::default());
    app.worker.dialogs = DialogPolicy::InWindow;
    app.state.last_dir = Some(dir.to_path_buf());
    app.start(Vec::new());
    assert!(app.wait_idle(WAIT), "analysis did not finish");
    let mut h = Harness::builder()
        .with_size(egui::vec2(1600.0, 900.0))
        .with_max_steps(200)
        .build_ui_state(|ui, app: &mut FramediffApp| app.frame_ui(ui), app);
    h.run();
    h
}

fn listed_dir(h: &Harness<'static, FramediffApp>) -> Option<std::path::PathBuf> {
    match &h.state().view.chooser.as_ref()?.list {
        ListState::Ready(l) => Some(l.dir.clone()),
        _ => None,
    }
}

#[test]
fn ctrl_o_without_a_system_dialog_opens_the_chooser_and_adds_the_chosen_file() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("dam.txt"),
        "Dam repairs begin in the valley\n\nEngineers began repairs on the old dam on Monday, the regional water authority said in a statement. The work is expected to last three months.",
    )
    .unwrap();
    std::fs::write(dir.path().join("photo.bin"), [0u8, 1, 2]).unwrap();
    std::fs::create_dir(dir.path().join("older")).unwrap();
    let mut h = in_window_harness(dir.path());
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::O);
    settle(&mut h);
    assert!(h.state().view.chooser.is_some(), "Ctrl+O opens the chooser");
    assert_eq!(
        listed_dir(&h).as_deref(),
        Some(std::fs::canonicalize(dir.path()).unwrap().as_path())
    );
    h.get_by_label("Add articles");
    h.get_by_label("older/");
    assert!(
        h.query_by_label("photo.bin").is_none(),
        "files that are not articles are filtered out"
    );
    h.get_by_label("All files").click();
    h.run();
    h.get_by_label("photo.bin");
    h.get_by_label("Add").click();
    h.run();
    assert!(
        h.query_by_label_contains("Select one or more files")
            .is_some(),
        "Add with nothing selected says what to do"
    );
    // Ctrl+click selects a second file and unselects it again
    h.get_by_label("dam.txt").click();
    h.run();
    h.get_by_label("photo.bin")
        .click_modifiers(egui::Modifiers::COMMAND);
    h.run();
    assert_eq!(h.state().view.chooser.as_ref().unwrap().selected.len(), 2);
    h.get_by_label("photo.bin")
        .click_modifiers(egui::Modifiers::COMMAND);
    h.run();
    let chooser = h.state().view.chooser.as_ref().unwrap();
    assert_eq!(chooser.selected.len(), 1);
    assert!(chooser.selected[0].ends_with("dam.txt"));
    h.key_press(egui::Key::Enter);
    settle(&mut h);
    let app = h.state();
    assert!(app.view.chooser.is_none(), "the chooser closes");
    assert_eq!(
        app.state.workspace.entries.len(),
        5,
        "{:?}",
        app.view.problems
    );
    assert_eq!(
        app.state.workspace.entries[4].article.title,
        "Dam repairs begin in the valley"
    );
    assert_eq!(app.view.analysis.as_ref().unwrap().articles.len(), 5);
    assert_eq!(app.view.status.as_deref(), Some("Added 1 article(s)."));
}

#[test]
fn save_as_through_the_chooser_writes_a_workspace_that_reads_back() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = in_window_harness(dir.path());
    h.state_mut().run_cmd(Command::SaveWorkspaceAs);
    settle(&mut h);
    h.get_by_label("Save workspace");
    h.get_by_label("Save").click();
    settle(&mut h);
    let path = std::fs::canonicalize(dir.path())
        .unwrap()
        .join("comparison.framediff");
    assert!(h.state().view.chooser.is_none());
    assert_eq!(
        h.state().state.workspace_path.as_deref(),
        Some(path.as_path())
    );
    assert_eq!(
        h.state().view.status.as_deref(),
        Some(format!("Saved {}.", path.display()).as_str())
    );
    let (ws, repairs) = framediff::files::read_workspace(&path).expect("a workspace file");
    assert!(repairs.is_empty(), "{repairs:?}");
    assert_eq!(ws.entries.len(), 4);
    assert_eq!(ws, h.state().state.workspace);

    // saving as the same name again asks before replacing the file
    h.state_mut().run_cmd(Command::Remove(0));
    settle(&mut h);
    h.state_mut().run_cmd(Command::SaveWorkspaceAs);
    settle(&mut h);
    h.get_by_label("Save").click();
    h.run();
    assert!(h.query_by_label_contains("already exists").is_some());
    assert_eq!(
        framediff::files::read_workspace(&path)
            .unwrap()
            .0
            .entries
            .len(),
        4,
        "not replaced before the second Save"
    );
    h.get_by_label("Save").click();
    settle(&mut h);
    assert_eq!(
        framediff::files::read_workspace(&path)
            .unwrap()
            .0
            .entries
            .len(),
        3
    );
}

#[test]
fn a_cancelled_chooser_says_cancelled() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = in_window_harness(dir.path());
    // Escape cancels an export
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::E);
    settle(&mut h);
    h.get_by_label("Export comparison");
    assert_eq!(
        h.state().view.chooser.as_ref().unwrap().file_name,
        "comparison.html"
    );
    h.key_press(egui::Key::Escape);
    h.run();
    assert!(h.state().view.chooser.is_none());
    assert_eq!(h.state().view.status.as_deref(), Some("Cancelled."));
    h.get_by_label("Cancelled.");
    // and the Cancel button cancels adding a folder; nothing is added or written
    h.state_mut().view.status = None;
    h.state_mut().run_cmd(Command::AddFolderDialog);
    settle(&mut h);
    h.get_by_label("Add this folder");
    h.get_by_label("Cancel").click();
    settle(&mut h);
    assert!(h.state().view.chooser.is_none());
    assert_eq!(h.state().view.status.as_deref(), Some("Cancelled."));
    assert_eq!(h.state().state.workspace.entries.len(), 4);
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
}

#[test]
fn a_missing_folder_typed_into_the_chooser_shows_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = in_window_harness(dir.path());
    h.state_mut().run_cmd(Command::OpenWorkspaceDialog);
    settle(&mut h);
    assert!(listed_dir(&h).is_some());
    let missing = dir.path().join("no-such-folder").join("deeper");
    let field = h
        .get_all_by_role(egui::accesskit::Role::TextInput)
        .next()
        .unwrap();
    field.focus();
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.get_all_by_role(egui::accesskit::Role::TextInput)
        .next()
        .unwrap()
        .type_text(&missing.display().to_string());
    h.run();
    h.key_press(egui::Key::Enter);
    settle(&mut h);
    let chooser = h.state().view.chooser.as_ref().expect("still open");
    match &chooser.list {
        ListState::Failed(d, e) => {
            assert_eq!(d, &missing);
            assert!(e.contains("Cannot read") && e.contains("deeper"), "{e}");
        }
        other => panic!("expected an error, got {other:?}"),
    }
    assert!(h.query_by_label_contains("Cannot read").is_some());
    // Open with nothing readable says why and stays open
    h.get_by_label("Open").click();
    h.run();
    assert!(
        h.query_by_label_contains("Choose a folder that can be read")
            .is_some()
    );
    assert!(h.state().view.chooser.is_some());
    // Up twice reaches the temp folder again
    h.get_by_label("Up one level").click();
    settle(&mut h);
    h.get_by_label("Up one level").click();
    settle(&mut h);
    assert_eq!(
        listed_dir(&h).as_deref(),
        Some(std::fs::canonicalize(dir.path()).unwrap().as_path())
    );
}

#[test]
fn a_huge_folder_lists_the_first_entries_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let n = framediff::gui::chooser::MAX_ENTRIES + 20;
    for i in 0..n {
        std::fs::write(dir.path().join(format!("a{i:05}.txt")), "").unwrap();
    }
    let mut h = in_window_harness(dir.path());
    h.state_mut().run_cmd(Command::AddArticlesDialog);
    settle(&mut h);
    let Some(ListState::Ready(l)) = h.state().view.chooser.as_ref().map(|c| &c.list) else {
        panic!("the folder was not listed");
    };
    assert_eq!(l.entries.len(), framediff::gui::chooser::MAX_ENTRIES);
    assert!(l.truncated);
    assert!(h.query_by_label_contains("only the first 5000").is_some());
    // only the visible rows are laid out: the first entry is there, the last is not
    let (first, last) = (
        l.entries[0].name.clone(),
        l.entries[l.entries.len() - 1].name.clone(),
    );
    h.get_by_label(&first);
    assert!(h.query_by_label(&last).is_none());
}

/// Whether sentence `r` was drawn this frame with its top inside its column's visible text.
fn shown_in_column(app: &FramediffApp, r: (framediff::ArticleId, usize)) -> bool {
    let (Some(rect), Some(col)) = (
        app.view.layout.rects.get(&r),
        app.view.layout.columns.get(r.0.index()),
    ) else {
        return false;
    };
    rect.top() >= col.top() - 2.0 && rect.top() < col.bottom()
}

/// The first evidence sentence of difference `k` in each article: what its columns scroll to.
fn evidence_targets(app: &FramediffApp, k: usize) -> Vec<(framediff::ArticleId, usize)> {
    let mut seen = Vec::new();
    let mut out = Vec::new();
    for &r in &app.view.index.evidence[k].sentences {
        if !seen.contains(&r.0) {
            seen.push(r.0);
            out.push(r);
        }
    }
    out
}

#[test]
fn clicking_a_difference_scrolls_each_column_to_its_evidence() {
    let mut h = harness();
    // with no topic selected the card lists the story's differences: take one whose evidence
    // is out of sight now
    let listed = rendered_texts(&h);
    let (k, text, targets) = {
        let app = h.state();
        let a = app.view.analysis.as_ref().unwrap();
        let on_card = |k: usize| {
            let d = &a.differences[k];
            let text = format!("{}: {}", a.topics[d.topic].label, d.summary);
            listed.contains(&text)
        };
        let k = (0..a.differences.len())
            .filter(|&k| on_card(k))
            .filter(|&k| {
                let t = evidence_targets(app, k);
                t.len() >= 2 && t.iter().any(|&r| !shown_in_column(app, r))
            })
            .max_by_key(|&k| evidence_targets(app, k).iter().map(|r| r.1).sum::<usize>())
            .expect("a difference with evidence out of sight");
        let d = &a.differences[k];
        let text = format!("{}: {}", a.topics[d.topic].label, d.summary);
        (k, text, evidence_targets(app, k))
    };
    h.get_all_by_label(&text)
        .next()
        .expect("the difference is listed on the card")
        .click_accesskit();
    h.run();
    h.run();
    let app = h.state();
    let a = app.view.analysis.as_ref().unwrap();
    assert_eq!(app.view.selected_difference, Some(k));
    assert_eq!(app.view.selected_topic, Some(a.differences[k].topic));
    assert!(app.view.scroll_to_evidence.is_none(), "request consumed");
    assert!(app.view.flash_since.is_some(), "evidence flashed");
    for r in &targets {
        assert!(app.view.evidence.contains(r));
        assert!(
            shown_in_column(app, *r),
            "evidence {r:?} not scrolled into view: {:?} in {:?}",
            app.view.layout.rects.get(r),
            app.view.layout.columns.get(r.0.index())
        );
    }
    let status = app.view.status.clone().unwrap_or_default();
    assert!(status.starts_with("Difference "), "{status}");
    // clicking it again deselects it and its highlight
    h.get_all_by_label(&a.differences[k].summary.clone())
        .next()
        .expect("the topic's card lists it")
        .click_accesskit();
    h.run();
    assert_eq!(h.state().view.selected_difference, None);
    assert!(h.state().view.evidence.is_empty());
}

#[test]
fn alt_down_and_alt_up_walk_the_differences() {
    let mut h = harness();
    let (t, diffs, n) = {
        let app = h.state();
        let a = app.view.analysis.as_ref().unwrap();
        let t = (0..a.topics.len())
            .find(|&t| a.differences.iter().filter(|d| d.topic == t).count() >= 2)
            .expect("a topic with two differences");
        let story = a.topics[t].story;
        let n = a
            .differences
            .iter()
            .filter(|d| a.topics[d.topic].story == story)
            .count();
        let diffs: Vec<usize> = (0..a.differences.len())
            .filter(|&k| a.differences[k].topic == t)
            .collect();
        (t, diffs, n)
    };
    h.state_mut().run_cmd(Command::SelectTopic(Some(t)));
    h.run();
    let alt = egui::Modifiers::ALT;
    h.key_press_modifiers(alt, egui::Key::ArrowDown);
    h.run();
    let pos = |h: &Harness<'static, FramediffApp>| {
        let app = h.state();
        framediff::gui::evidence::position(
            app.view.analysis.as_ref().unwrap(),
            app.view.selected_difference.unwrap(),
        )
        .unwrap()
    };
    assert_eq!(h.state().view.selected_difference, Some(diffs[0]));
    assert_eq!(
        h.state().view.selected_topic,
        Some(t),
        "Alt+Down is not Down"
    );
    let (p, total) = pos(&h);
    assert_eq!(total, n);
    assert_eq!(
        h.state().view.status.as_deref(),
        Some(format!("Difference {p} of {n}").as_str())
    );
    h.get_by_label(&format!("Difference {p} of {n}"));
    h.key_press_modifiers(alt, egui::Key::ArrowDown);
    h.run();
    assert_eq!(h.state().view.selected_difference, Some(diffs[1]));
    h.get_by_label(&format!("Difference {} of {n}", p + 1));
    h.key_press_modifiers(alt, egui::Key::ArrowUp);
    h.run();
    assert_eq!(h.state().view.selected_difference, Some(diffs[0]));
    assert_eq!(h.state().view.selected_topic, Some(t));
    // the ▼ button does the same as Alt+Down, and says so
    h.get_by_label("Next difference").click();
    h.run();
    assert_eq!(h.state().view.selected_difference, Some(diffs[1]));
    h.get_by_label("Next difference").hover();
    h.run();
    assert!(h.query_by_label_contains("Next difference (Alt").is_some());
}

/// Two articles of one story: A covers a flood in two sentences; B, 30 sentences long, does
/// not, but its 26th sentence speaks of the river and the dam gates.
fn omission_fixture() -> framediff::Analysis {
    use framediff::align::{Placement, Story, Topic, TopicMember};
    use framediff::frame::{Difference, DifferenceKind};
    use framediff::{Article, ArticleId, Sentence};
    let article = |id: usize, name: &str, sentences: Vec<String>| Article {
        id: ArticleId(id),
        path: format!("{name}.md"),
        title: format!("{name} title"),
        paragraphs: (0..sentences.len()).map(|i| (i, i + 1)).collect(),
        sentences: sentences
            .into_iter()
            .enumerate()
            .map(|(i, text)| Sentence {
                index: i,
                paragraph: i,
                start: 0,
                end: text.len(),
                text,
            })
            .collect(),
        ..Article::default()
    };
    let mut b: Vec<String> = (0..30)
        .map(|i| format!("Councillor number {i} spoke at length about the school budget."))
        .collect();
    b[25] = "Engineers inspected the dam gates on the river last spring.".into();
    framediff::Analysis {
        articles: vec![
            article(
                0,
                "a",
                vec![
                    "The council met on Tuesday.".into(),
                    "The river burst its banks after the dam gates failed.".into(),
                    "Farmers downstream lost their crops to the flood.".into(),
                ],
            ),
            article(1, "b", b),
        ],
        stories: vec![Story {
            id: 0,
            articles: vec![ArticleId(0), ArticleId(1)],
        }],
        topics: vec![Topic {
            id: 0,
            label: "flood".into(),
            terms: vec!["flood".into(), "dam".into()],
            story: 0,
            members: vec![TopicMember {
                article: ArticleId(0),
                sentences: vec![1, 2],
                share: 0.6,
                first_paragraph: 1,
                placement: Placement::Body,
            }],
        }],
        differences: vec![Difference {
            topic: 0,
            kind: DifferenceKind::Omission,
            articles: vec![ArticleId(0), ArticleId(1)],
            summary: "Only A reports “flood”; B leaves it out.".into(),
            evidence: Vec::new(),
        }],
        ..Default::default()
    }
}

/// A window of 1400 px by `height` showing `analysis` (articles 0 and 1 visible), one frame run.
fn harness_with(analysis: framediff::Analysis, height: f32) -> Harness<'static, FramediffApp> {
    let mut app = FramediffApp::with_state(State::default());
    app.view.index = std::sync::Arc::new(framediff::gui::index::Index::new(&analysis));
    app.view.analysis = Some(std::sync::Arc::new(analysis));
    app.view.visible = vec![0, 1];
    let mut h = Harness::builder()
        .with_size(egui::vec2(1400.0, height))
        .with_max_steps(200)
        .build_ui_state(|ui, app: &mut FramediffApp| app.frame_ui(ui), app);
    h.run();
    h
}

#[test]
fn an_omission_shows_the_closest_passage_one_click_away() {
    let analysis = omission_fixture();
    let mut h = harness_with(analysis, 860.0);
    let target = (framediff::ArticleId(1), 25);
    assert!(!shown_in_column(h.state(), target), "starts out of sight");
    h.state_mut().run_cmd(Command::SelectTopic(Some(0)));
    h.run();
    assert!(
        h.query_by_label_contains("Closest passage in B, not aligned (word overlap 0.")
            .is_some(),
        "the closest passage is named with its score"
    );
    h.get_by_label("“Engineers inspected the dam gates on the river last spring.”")
        .click();
    h.run();
    h.run();
    let app = h.state();
    assert_eq!(app.view.evidence, vec![target]);
    assert!(
        shown_in_column(app, target),
        "{:?} in {:?}",
        app.view.layout.rects.get(&target),
        app.view.layout.columns.get(1)
    );
    // clicking the omission itself flashes A's flood sentence and B's closest passage
    h.get_by_label("Only A reports “flood”; B leaves it out.")
        .click();
    h.run();
    assert_eq!(
        h.state().view.evidence,
        vec![(framediff::ArticleId(0), 1), target]
    );
}

/// Every text the last frame painted (text shapes, in every layer: windows, tooltips) and every
/// accessibility label, for searching.
fn rendered_texts(h: &Harness<'static, FramediffApp>) -> Vec<String> {
    fn walk(shape: &egui::Shape, out: &mut Vec<String>) {
        match shape {
            egui::Shape::Text(t) => out.push(t.galley.text().to_string()),
            egui::Shape::Vec(v) => v.iter().for_each(|s| walk(s, out)),
            _ => {}
        }
    }
    let mut out = Vec::new();
    for s in &h.output().shapes {
        walk(&s.shape, &mut out);
    }
    out.extend(
        h.query_all_by(|_| true)
            .filter_map(|n| n.accesskit_node().label()),
    );
    out
}

/// The texts among `texts` that contain one of `names` (case-insensitive).
fn leaks(texts: &[String], names: &[String]) -> Vec<String> {
    texts
        .iter()
        .filter_map(|t| {
            let lower = t.to_lowercase();
            names
                .iter()
                .find(|n| lower.contains(&n.to_lowercase()))
                .map(|n| format!("{n:?} in {t:?}"))
        })
        .collect()
}

#[test]
fn teaching_mode_shows_no_outlet_author_or_title_anywhere() {
    let mut h = harness();
    // a file name often names the outlet too
    let names = article_names(&h);
    assert!(
        names.len() >= 8,
        "the samples name outlets and authors: {names:?}"
    );
    // without teaching mode they are shown (so the search below can find them)
    assert!(!leaks(&rendered_texts(&h), &names).is_empty());
    h.state_mut().run_cmd(Command::SetTeaching(true));
    h.run();
    let mut found = Vec::new();
    let mut check = |h: &Harness<'static, FramediffApp>, when: &str| {
        for l in leaks(&rendered_texts(h), &names) {
            found.push(format!("{when}: {l}"));
        }
    };
    check(&h, "main window");
    h.state_mut().run_cmd(Command::SelectTopic(Some(0)));
    h.run();
    check(&h, "topic card");
    h.state_mut().run_cmd(Command::SetRightTab(
        framediff::gui::app::RightTab::Overview,
    ));
    h.run();
    check(&h, "overview");
    let n = h.state().state.workspace.entries.len();
    for i in 0..n {
        h.state_mut().run_cmd(Command::ShowRemoved(Some(i)));
        h.run();
        check(&h, &format!("set aside from entry {i}"));
    }
    h.state_mut().run_cmd(Command::ShowRemoved(None));
    h.run();
    // tooltips of the library rows and their buttons
    for label in [
        "Article A",
        "Article B",
        "Article C",
        "Article D",
        "Remove",
        "Hide",
    ] {
        let count = h.query_all_by_label(label).count();
        for k in 0..count {
            if let Some(node) = h.query_all_by_label(label).nth(k) {
                node.hover();
            }
            h.run();
            h.run();
            check(&h, &format!("tooltip of {label:?} #{k}"));
        }
    }
    h.state_mut().run_cmd(Command::Remove(0));
    settle(&mut h);
    check(&h, "after removing an article");
    // an article read from its address: the address names the site
    let url = serve_article_once();
    h.state_mut().run_cmd(Command::FetchUrl(url.clone()));
    settle(&mut h);
    assert_eq!(h.state().state.workspace.entries.len(), n);
    for l in leaks(&rendered_texts(&h), std::slice::from_ref(&url)) {
        found.push(format!("after adding from an address: {l}"));
    }
    assert!(
        found.is_empty(),
        "teaching mode leaks:\n{}",
        found.join("\n")
    );
}

const A: &str = "A · Meridian Wire (illustrative)";
const B: &str = "B · Volga Dispatch (illustrative)";
const C: &str = "C · Dnipro Observer (illustrative)";
const D: &str = "D · The Long View (illustrative)";

fn entry_paths(h: &Harness<'static, FramediffApp>) -> Vec<String> {
    h.state()
        .state
        .workspace
        .entries
        .iter()
        .map(|e| e.article.path.clone())
        .collect()
}

/// The JSON export of the harness's comparison, as `framediff compare --format json` writes it.
fn write_export(h: &Harness<'static, FramediffApp>, path: &std::path::Path) -> String {
    let analysis = h.state().view.analysis.clone().unwrap();
    let text = framediff::report::render(&analysis, &[], framediff::report::ReportFormat::Json);
    std::fs::write(path, &text).unwrap();
    text
}

#[test]
fn opening_a_file_that_is_not_a_workspace_is_refused_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness();
    h.state_mut().run_cmd(Command::ToggleHidden(2));
    settle(&mut h);
    let before = h.state().state.workspace.clone();
    let export = dir.path().join("comparison.json");
    write_export(&h, &export);
    h.state_mut()
        .run_cmd(Command::OpenWorkspace(export.clone()));
    settle(&mut h);
    let app = h.state();
    assert_eq!(app.state.workspace, before, "the workspace stays as it was");
    assert_eq!(app.state.workspace_path, None);
    assert!(app.state.dirty, "the unsaved hide is still unsaved");
    let reason = format!(
        "{} is a comparison export, not a workspace; add its articles instead",
        export.display()
    );
    assert!(
        app.view.problems.contains(&reason),
        "{:?}",
        app.view.problems
    );
    assert!(
        app.view.status.as_deref().unwrap_or("").contains(&reason),
        "{:?}",
        app.view.status
    );
    // shown in the window, not only kept
    assert!(
        h.query_all_by_label_contains("is a comparison export")
            .next()
            .is_some()
    );
    assert!(h.query_by_label_contains("Opened").is_none());

    // an article is refused too
    let article = dir.path().join("story.md");
    std::fs::write(&article, "# A title\n\nSome text of an article.").unwrap();
    h.state_mut()
        .run_cmd(Command::OpenWorkspace(article.clone()));
    settle(&mut h);
    assert_eq!(h.state().state.workspace, before);
    let reason = format!("{} is not a framediff workspace", article.display());
    assert!(h.state().view.problems.contains(&reason));
    assert!(h.query_all_by_label_contains(&reason).next().is_some());
}

#[test]
fn saving_onto_a_file_that_is_not_a_workspace_asks_before_replacing_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness();
    let export = dir.path().join("comparison.json");
    let original = write_export(&h, &export);
    // as if the workspace had been saved there: Ctrl+S goes to that path
    h.state_mut().state.workspace_path = Some(export.clone());
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
    settle(&mut h);
    assert_eq!(
        std::fs::read_to_string(&export).unwrap(),
        original,
        "not written yet"
    );
    assert!(
        h.query_all_by_label_contains("is a comparison export, not a workspace")
            .next()
            .is_some()
    );
    h.get_by_label("Replace this file?");
    // Cancel: nothing written, the question is gone
    h.get_by_label("Cancel").click();
    settle(&mut h);
    assert!(h.state().view.confirm.is_none());
    assert!(h.query_by_label("Replace this file?").is_none());
    assert_eq!(std::fs::read_to_string(&export).unwrap(), original);
    // Save as onto it asks too; Replace writes the workspace
    h.state_mut()
        .run_cmd(Command::SaveWorkspaceTo(export.clone()));
    settle(&mut h);
    assert_eq!(std::fs::read_to_string(&export).unwrap(), original);
    h.get_by_label("Replace").click();
    settle(&mut h);
    let (ws, _) = framediff::files::read_workspace(&export).expect("now a workspace");
    assert_eq!(ws, h.state().state.workspace);
    assert!(!h.state().state.dirty);
    assert!(h.query_by_label("unsaved changes").is_none());
    // a workspace is saved over without a question
    h.state_mut().run_cmd(Command::ToggleHidden(0));
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
    settle(&mut h);
    assert!(h.state().view.confirm.is_none());
    assert!(framediff::files::read_workspace(&export).unwrap().0.entries[0].hidden);
}

#[test]
fn letters_and_colours_stay_with_their_article_when_others_hide_or_move() {
    let mut h = harness();
    for l in [A, B, C, D] {
        h.get_by_label(l);
    }
    let colour_of = |h: &Harness<'static, FramediffApp>, path: &str| {
        let app = h.state();
        let a = app.view.analysis.as_ref().unwrap();
        let i = a.articles.iter().position(|x| x.path == path).unwrap();
        app.view.colour(i)
    };
    let d_path = "assets/samples/04-long-view.md";
    let d_colour = colour_of(&h, d_path);
    // hide B: C and D keep their letters and colours
    h.get_all_by_label("Hide").nth(1).unwrap().click();
    settle(&mut h);
    assert_eq!(h.state().view.analysis.as_ref().unwrap().articles.len(), 3);
    assert!(h.query_by_label(B).is_none());
    h.get_by_label(A);
    h.get_by_label(C);
    h.get_by_label(D);
    assert_eq!(colour_of(&h, d_path), d_colour);
    // the generated differences name the articles by the same letters
    let (raw, shown) = {
        let app = h.state();
        let a = app.view.analysis.as_ref().unwrap();
        let d = a
            .differences
            .iter()
            .take(3)
            .find(|d| app.view.summary(d) != d.summary)
            .expect("a difference naming the article after the hidden one");
        (d.summary.clone(), app.view.summary(d).into_owned())
    };
    assert!(
        h.query_all_by_label_contains(&shown).next().is_some(),
        "{shown}"
    );
    assert!(
        h.query_all_by_label_contains(&raw).next().is_none(),
        "{raw}"
    );
    // move D up above C: still D, now left of C
    h.get_all_by_label("Up").nth(3).unwrap().click();
    settle(&mut h);
    assert_eq!(entry_paths(&h)[2], d_path);
    let (c, d) = (h.get_by_label(C).rect(), h.get_by_label(D).rect());
    assert!(
        d.left() < c.left(),
        "D's column comes first now: {d:?} {c:?}"
    );
    assert_eq!(colour_of(&h, d_path), d_colour);
    // show B again: B is B
    h.get_by_label("Show").click();
    settle(&mut h);
    for l in [A, B, C, D] {
        h.get_by_label(l);
    }
}

#[test]
fn undo_brings_a_removed_article_back_at_its_place_with_its_letter_and_redo_removes_it() {
    let mut h = harness();
    let start = entry_paths(&h);
    h.get_all_by_label("Remove").nth(1).unwrap().click();
    settle(&mut h);
    assert_eq!(entry_paths(&h).len(), 3);
    assert!(h.query_by_label(B).is_none());
    h.get_by_label(C);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    settle(&mut h);
    assert_eq!(entry_paths(&h), start);
    h.get_by_label(B);
    h.get_by_label(C);
    let status = h.state().view.status.clone().unwrap_or_default();
    assert!(status.starts_with("Undid: remove \u{201c}"), "{status}");
    assert!(h.query_by_label_contains("Undid: remove").is_some());
    // redo with Ctrl+Shift+Z removes it again; Ctrl+Z, then Ctrl+Y, likewise
    h.key_press_modifiers(
        egui::Modifiers::COMMAND | egui::Modifiers::SHIFT,
        egui::Key::Z,
    );
    settle(&mut h);
    assert_eq!(entry_paths(&h).len(), 3);
    assert!(h.query_by_label(B).is_none());
    assert!(
        h.state()
            .view
            .status
            .as_deref()
            .unwrap()
            .starts_with("Redid: remove")
    );
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    settle(&mut h);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Y);
    settle(&mut h);
    assert_eq!(entry_paths(&h).len(), 3);
    // moves, hides and notes undo too
    h.state_mut().run_cmd(Command::Undo);
    settle(&mut h);
    let target = framediff::workspace::NoteTarget::Topic { label: "t".into() };
    h.state_mut().run_cmd(Command::Move { from: 0, to: 3 });
    h.state_mut().run_cmd(Command::ToggleHidden(0));
    h.state_mut()
        .run_cmd(Command::SetNote(target.clone(), "first".into()));
    h.state_mut()
        .run_cmd(Command::SetNote(target.clone(), "second".into()));
    h.state_mut().run_cmd(Command::Undo);
    assert_eq!(h.state().state.workspace.note(&target), Some("first"));
    for _ in 0..3 {
        h.state_mut().run_cmd(Command::Undo);
    }
    settle(&mut h);
    assert_eq!(entry_paths(&h), start);
    assert!(h.state().state.workspace.entries.iter().all(|e| !e.hidden));
    assert_eq!(h.state().state.workspace.note(&target), None);
    // in teaching mode the status line names the article by its letter, not its title
    h.state_mut().run_cmd(Command::SetTeaching(true));
    h.state_mut().run_cmd(Command::Remove(1));
    h.state_mut().run_cmd(Command::Undo);
    settle(&mut h);
    assert_eq!(
        h.state().view.status.as_deref(),
        Some("Undid: remove article B.")
    );
    assert!(h.query_all_by_label_contains("Volga").next().is_none());
}

#[test]
fn new_comparison_asks_before_discarding_unsaved_work() {
    let mut h = harness();
    // nothing unsaved: no question
    assert!(!h.state().state.dirty);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::N);
    settle(&mut h);
    assert!(h.state().view.confirm.is_none());
    assert!(h.state().state.workspace.entries.is_empty());
    h.state_mut().run_cmd(Command::Undo);
    settle(&mut h);
    assert_eq!(entry_paths(&h).len(), 4);
    // an edit makes unsaved work: Ctrl+N asks, Cancel keeps everything
    h.state_mut().run_cmd(Command::ToggleHidden(1));
    settle(&mut h);
    assert!(h.state().state.dirty);
    h.get_by_label("unsaved changes");
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::N);
    h.run();
    h.get_by_label("Start a new comparison?");
    h.get_by_label("Cancel").click();
    settle(&mut h);
    assert_eq!(entry_paths(&h).len(), 4);
    assert!(h.state().state.workspace.entries[1].hidden);
    // asked again, Discard empties it
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::N);
    h.run();
    h.get_by_label("Discard changes").click();
    settle(&mut h);
    assert!(h.state().state.workspace.entries.is_empty());
    assert_eq!(h.state().view.analysis.as_ref().unwrap().articles.len(), 0);
    // loading the samples over unsaved work asks as well
    h.state_mut().run_cmd(Command::AddPasted(
        "A title\n\nA first sentence of a pasted article.".into(),
    ));
    settle(&mut h);
    h.state_mut().run_cmd(Command::LoadSamples);
    h.run();
    h.get_by_label("Load the sample articles?");
    assert_eq!(entry_paths(&h).len(), 1);
    h.get_by_label("Discard changes").click();
    settle(&mut h);
    assert_eq!(entry_paths(&h).len(), 4);
}

#[test]
fn a_workspace_given_on_the_command_line_opens_as_a_workspace() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("mine.framediff");
    let mut h = harness();
    let target = framediff::workspace::NoteTarget::Topic { label: "t".into() };
    h.state_mut()
        .run_cmd(Command::SetNote(target.clone(), "kept".into()));
    h.state_mut().run_cmd(Command::Move { from: 3, to: 0 });
    h.state_mut()
        .run_cmd(Command::SaveWorkspaceTo(path.clone()));
    settle(&mut h);
    let saved = h.state().state.workspace.clone();
    assert!(framediff::files::is_workspace_file(&path));

    let mut app = FramediffApp::with_state(State::default());
    app.start(vec![path.clone()]);
    assert!(app.wait_idle(WAIT));
    assert_eq!(app.state.workspace, saved, "opened, not read as an article");
    assert_eq!(app.state.workspace_path.as_deref(), Some(path.as_path()));
    assert_eq!(app.view.analysis.as_ref().unwrap().articles.len(), 4);
    // the moved article keeps its letter in the reopened workspace
    assert_eq!(app.view.letter(0), "D");

    // a file given that is not a workspace leaves the restored session as it was
    let bad = dir.path().join("export.framediff");
    std::fs::write(&bad, r#"{"articles": [], "topics": []}"#).unwrap();
    let restored = State {
        workspace: saved.clone(),
        ..Default::default()
    };
    let mut app = FramediffApp::with_state(restored);
    app.start(vec![bad]);
    assert!(app.wait_idle(WAIT));
    assert_eq!(app.state.workspace, saved);
    assert!(
        app.view
            .problems
            .iter()
            .any(|p| p.contains("comparison export"))
    );
    assert_eq!(app.view.analysis.as_ref().unwrap().articles.len(), 4);
}

#[test]
fn opening_a_workspace_over_unsaved_work_asks_and_a_dropped_workspace_opens() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("two.framediff");
    let mut h = harness();
    h.state_mut().run_cmd(Command::Remove(0));
    h.state_mut().run_cmd(Command::Remove(0));
    h.state_mut()
        .run_cmd(Command::SaveWorkspaceTo(path.clone()));
    settle(&mut h);
    assert!(!h.state().state.dirty);
    h.state_mut().run_cmd(Command::Undo);
    settle(&mut h);
    assert!(h.state().state.dirty);
    assert_eq!(entry_paths(&h).len(), 3);
    // read and checked first, then the question; Cancel keeps the unsaved work
    h.state_mut().run_cmd(Command::OpenWorkspace(path.clone()));
    settle(&mut h);
    h.get_by_label("Open another workspace?");
    h.get_by_label("Cancel").click();
    settle(&mut h);
    assert_eq!(entry_paths(&h).len(), 3);
    // dropping (or adding) the workspace file opens it as a workspace, not as an article
    h.state_mut().run_cmd(Command::AddPaths(vec![path.clone()]));
    settle(&mut h);
    h.get_by_label("Discard changes").click();
    settle(&mut h);
    assert_eq!(entry_paths(&h).len(), 2);
    assert_eq!(
        h.state().state.workspace_path.as_deref(),
        Some(path.as_path())
    );
    assert!(!h.state().state.dirty);
    assert!(h.state().history.is_empty(), "a new document's history");
}

#[test]
fn a_removed_articles_letter_is_not_given_to_the_next_one_so_undo_brings_it_back_as_itself() {
    let letter_of = |h: &Harness<'static, FramediffApp>, path: &str| {
        let app = h.state();
        let a = app.view.analysis.as_ref().unwrap();
        let i = a.articles.iter().position(|x| x.path == path).unwrap();
        app.view.letter(i)
    };
    let mut h = harness();
    h.state_mut().run_cmd(Command::Remove(1));
    h.state_mut().run_cmd(Command::AddPasted(
        "Pasted headline\n\nA first sentence of a pasted article about the talks.".into(),
    ));
    settle(&mut h);
    assert_eq!(letter_of(&h, "pasted:1"), "E");
    assert!(h.query_by_label(B).is_none());
    h.state_mut().run_cmd(Command::Undo);
    settle(&mut h);
    assert_eq!(letter_of(&h, "pasted:1"), "E");
    assert_eq!(letter_of(&h, "assets/samples/02-volga-dispatch.html"), "B");
    for l in [A, B, C] {
        h.get_by_label(l);
    }
}

// ---- editorial control (issue 12, item 5): edits are the user's, saved, and survive
// re-analysis

/// The topic of the shown (edited) analysis that holds sentence `r`.
fn topic_holding(app: &FramediffApp, r: (framediff::ArticleId, usize)) -> Option<usize> {
    app.view.index.topic(r)
}

/// Two topics of the first story covered by two or more articles, with a sentence of each.
fn two_shared_topics(app: &FramediffApp) -> [(usize, (framediff::ArticleId, usize)); 2] {
    let a = app.view.analysis.as_ref().unwrap();
    let shared: Vec<(usize, (framediff::ArticleId, usize))> = a
        .topics
        .iter()
        .enumerate()
        .filter(|(_, t)| t.story == 0 && t.members.len() >= 2)
        .map(|(i, t)| (i, (t.members[0].article, t.members[0].sentences[0])))
        .collect();
    assert!(shared.len() >= 2, "the samples share two topics at least");
    [shared[0], shared[1]]
}

fn add_an_article(h: &mut Harness<'static, FramediffApp>) {
    let fixtures = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let before = h.state().view.analysis.as_ref().unwrap().articles.len();
    h.state_mut()
        .run_cmd(Command::AddPaths(vec![fixtures.join("copied-page.txt")]));
    settle(h);
    assert_eq!(
        h.state().view.analysis.as_ref().unwrap().articles.len(),
        before + 1,
        "re-analysed with one more article"
    );
}

#[test]
fn a_renamed_topic_keeps_the_users_label_after_re_analysis() {
    let mut h = harness();
    let [(t, anchor), _] = two_shared_topics(h.state());
    let old = h.state().view.analysis.as_ref().unwrap().topics[t]
        .label
        .clone();
    h.state_mut().run_cmd(Command::SelectTopic(Some(t)));
    h.run();
    // Escape leaves the rename field and keeps the topic selected
    h.get_by_label("Rename topic…").click();
    h.run();
    h.run();
    h.get_by_role(egui::accesskit::Role::TextInput)
        .type_text(" not this");
    h.run();
    h.key_press(egui::Key::Escape);
    h.run();
    assert_eq!(h.state().view.editing.rename, None);
    assert_eq!(h.state().view.selected_topic, Some(t));
    assert!(h.state().state.workspace.edits.is_empty());
    h.get_by_label("Rename topic…").click();
    h.run();
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.get_by_role(egui::accesskit::Role::TextInput)
        .type_text("Evacuations by boat");
    h.run();
    h.key_press(egui::Key::Enter);
    h.run();
    h.run();
    let label_of = |app: &FramediffApp| {
        let t = topic_holding(app, anchor).expect("the sentence has a topic");
        app.view.analysis.as_ref().unwrap().topics[t].label.clone()
    };
    assert_eq!(label_of(h.state()), "Evacuations by boat");
    assert_eq!(h.state().state.workspace.edits.list.len(), 1);
    // shown as the user's: an "edited" tag that says what it was
    h.get_all_by_label("edited")
        .next()
        .expect("an edited tag")
        .hover();
    h.run();
    h.run();
    assert!(
        h.query_all_by_label_contains(&format!("Your edit: renamed from ‘{old}’"))
            .next()
            .is_some(),
        "the tag's tooltip names the old label"
    );
    add_an_article(&mut h);
    assert_eq!(label_of(h.state()), "Evacuations by boat");
    assert!(h.state().view.edit_outcomes[0].is_applied());
    h.get_all_by_label("Evacuations by boat")
        .next()
        .expect("the topic list shows the user's label");
}

#[test]
fn merged_topics_stay_merged_after_re_analysis() {
    let mut h = harness();
    let [(t, anchor), (o, other)] = two_shared_topics(h.state());
    let (n, into_label) = {
        let a = h.state().view.analysis.clone().unwrap();
        (a.topics.len(), a.topics[o].label.clone())
    };
    h.state_mut().run_cmd(Command::SelectTopic(Some(t)));
    h.run();
    h.get_by_label("Merge into…").click();
    h.run();
    h.get_by_label(&format!("into “{into_label}”")).click();
    h.run();
    h.run();
    let merged = |app: &FramediffApp| {
        let a = topic_holding(app, anchor);
        a.is_some() && a == topic_holding(app, other)
    };
    assert!(merged(h.state()), "{:?}", h.state().view.edit_outcomes);
    assert_eq!(
        h.state().view.analysis.as_ref().unwrap().topics.len(),
        n - 1
    );
    let t = topic_holding(h.state(), anchor).unwrap();
    assert_eq!(
        h.state().view.analysis.as_ref().unwrap().topics[t].label,
        into_label,
        "the merged topic keeps the label of the one merged into"
    );
    add_an_article(&mut h);
    assert!(merged(h.state()), "{:?}", h.state().view.edit_outcomes);
    // removing the edit undoes the merge
    h.state_mut()
        .run_cmd(Command::Edit(framediff::gui::edits::EditCmd::Remove(0)));
    h.run();
    assert!(!merged(h.state()));
}

#[test]
fn a_difference_marked_wrong_is_shown_flagged_and_exported() {
    let mut h = harness();
    let (n, summary) = {
        let a = h.state().view.analysis.clone().unwrap();
        assert!(!a.differences.is_empty());
        (a.differences.len(), a.differences[0].summary.clone())
    };
    h.get_all_by_label("Mark as wrong…").next().unwrap().click();
    h.run();
    let input = h.get_by_role(egui::accesskit::Role::TextInput);
    input.focus();
    input.type_text("the quote is the same");
    h.run();
    h.get_by_label("Mark as wrong").click();
    h.run();
    h.run();
    let app = h.state();
    assert_eq!(
        app.view.analysis.as_ref().unwrap().differences.len(),
        n,
        "kept"
    );
    assert_eq!(
        app.view.edit_marks.differences.get(&0).map(String::as_str),
        Some("marked as wrong: the quote is the same")
    );
    h.get_all_by_label("marked wrong")
        .next()
        .expect("the difference is flagged")
        .hover();
    h.run();
    h.run();
    assert!(
        h.query_all_by_label_contains("Your edit: marked as wrong: the quote is the same")
            .next()
            .is_some()
    );
    h.get_by_label("Unmark");
    // and the export says so
    let dir = std::env::temp_dir().join(format!("framediff-wrong-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("out.md");
    h.state_mut().run_cmd(Command::ExportTo(
        framediff::report::ReportFormat::Markdown,
        path.clone(),
    ));
    settle(&mut h);
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(
        text.contains("marked as wrong: the quote is the same") && text.contains(&summary),
        "{text}"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn edits_are_saved_in_the_workspace_and_read_back() {
    let dir = std::env::temp_dir().join(format!("framediff-edits-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("w.framediff");
    let mut h = harness();
    let [(t, anchor), _] = two_shared_topics(h.state());
    use framediff::gui::edits::EditCmd;
    h.state_mut()
        .run_cmd(Command::Edit(EditCmd::Rename(t, "My own label".into())));
    h.state_mut()
        .run_cmd(Command::SaveWorkspaceTo(path.clone()));
    settle(&mut h);
    let saved = h.state().state.workspace.edits.clone();
    assert_eq!(saved.list.len(), 1);

    let mut app = FramediffApp::with_state(State::default());
    app.run_cmd(Command::OpenWorkspace(path.clone()));
    assert!(app.wait_idle(WAIT));
    assert_eq!(app.state.workspace.edits, saved);
    let t = topic_holding(&app, anchor).unwrap();
    assert_eq!(
        app.view.analysis.as_ref().unwrap().topics[t].label,
        "My own label"
    );
    // an edit whose articles are gone is listed as not applied, never dropped
    let mut h = Harness::builder()
        .with_size(egui::vec2(1600.0, 900.0))
        .with_max_steps(200)
        .build_ui_state(|ui, app: &mut FramediffApp| app.frame_ui(ui), app);
    h.run();
    while h.state().state.workspace.entries.len() > 1 {
        h.state_mut().run_cmd(Command::Remove(1));
        settle(&mut h);
    }
    h.state_mut().run_cmd(Command::Remove(0));
    settle(&mut h);
    assert_eq!(h.state().state.workspace.edits, saved, "kept");
    h.get_by_label("View").click();
    h.run();
    h.get_by_label("Your edits…").click();
    h.run();
    h.run();
    assert!(
        h.query_by_label_contains("not applied:").is_some(),
        "the orphaned edit is shown with its reason"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn sentences_are_linked_unlinked_and_moved_to_a_new_topic_from_the_columns() {
    use framediff::ArticleId;
    let mut h = harness();
    // a sentence of A in a topic
    let (x, y, y_at) = {
        let app = h.state();
        let a = app.view.analysis.as_ref().unwrap();
        let x = (ArticleId(0), a.topics[0].members[0].sentences[0]);
        let partners = app.view.index.partners.get(&x).cloned().unwrap_or_default();
        // a sentence of B drawn on screen, not aligned with x, that starts a paragraph (so
        // the top left of its rectangle is in its first run)
        let art = &a.articles[1];
        let y = (1..art.sentences.len())
            .map(|s| (ArticleId(1), s))
            .filter(|r| !partners.iter().any(|p| p.0 == *r))
            .filter(|r| art.sentences[r.1].paragraph != art.sentences[r.1 - 1].paragraph)
            .find(|r| {
                app.view.layout.rects.get(r).is_some_and(|rect| {
                    app.view.layout.columns[1].contains(rect.min + egui::vec2(4.0, 4.0))
                })
            })
            .expect("a sentence of B on screen");
        (x, y, app.view.layout.rects[&y].min + egui::vec2(4.0, 4.0))
    };
    let x_run = h.state().view.analysis.as_ref().unwrap().articles[0].sentences[x.1]
        .text
        .clone();
    let x_probe: String = x_run.chars().take(20).collect();
    let x_node = h.query_all_by_label_contains(&x_probe).next();
    match x_node {
        // the right-click menu of the sentence
        Some(node) => {
            node.click_secondary();
            h.run();
            h.get_by_label("Link to…").click();
            h.run();
        }
        None => h
            .state_mut()
            .run_cmd(Command::Edit(framediff::gui::edits::EditCmd::StartLink(x))),
    }
    if h.state().view.editing.link_from.is_none() {
        // the run clicked was another sentence's: start from x itself
        h.state_mut()
            .run_cmd(Command::Edit(framediff::gui::edits::EditCmd::StartLink(x)));
    }
    assert_eq!(h.state().view.editing.link_from, Some(x));
    h.run();
    for pressed in [true, false] {
        h.event(egui::Event::PointerButton {
            pos: y_at,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: egui::Modifiers::NONE,
        });
        h.run();
    }
    h.run();
    h.run();
    let linked = |app: &FramediffApp| {
        app.view
            .analysis
            .as_ref()
            .unwrap()
            .alignments
            .iter()
            .find(|al| (al.a, al.b) == (x, y) || (al.a, al.b) == (y, x))
            .cloned()
    };
    let al = linked(h.state()).unwrap_or_else(|| {
        panic!(
            "not linked: {:?} {:?} {:?} {x:?} {y:?} {:?}",
            h.state().view.status,
            h.state().state.workspace.edits,
            h.state().view.editing,
            h.state().view.selected_sentence,
        )
    });
    assert_eq!(
        (al.score, al.shared.as_slice()),
        (1.0, &["linked by the user".to_string()][..])
    );
    assert_eq!(h.state().view.diff_pair, Some((x, y)));
    h.get_all_by_label("edited")
        .next()
        .expect("the diff says the link is the user's");
    // unlinking the user's own link (from the diff panel) takes the edit back
    h.get_by_label("Unlink").click_accesskit();
    h.run();
    h.run();
    assert!(linked(h.state()).is_none());
    assert!(h.state().state.workspace.edits.is_empty());

    // split: a sentence moved to a new topic stays there after re-analysis
    let (r, stays) = {
        let a = h.state().view.analysis.clone().unwrap();
        let m = a
            .topics
            .iter()
            .flat_map(|t| &t.members)
            .find(|m| m.sentences.len() >= 2)
            .expect("a topic with two sentences of one article");
        ((m.article, m.sentences[1]), (m.article, m.sentences[0]))
    };
    let n = h.state().view.analysis.as_ref().unwrap().topics.len();
    h.state_mut().run_cmd(Command::Edit(
        framediff::gui::edits::EditCmd::MoveToNewTopic(r),
    ));
    h.run();
    let new = topic_holding(h.state(), r).unwrap();
    let a = h.state().view.analysis.clone().unwrap();
    assert!(
        a.topics[new].label.ends_with("(split)"),
        "{}",
        a.topics[new].label
    );
    assert_eq!(a.topics[new].members.len(), 1);
    assert_eq!(a.topics[new].members[0].sentences, vec![r.1]);
    assert_eq!(h.state().view.selected_topic, Some(new));
    assert_eq!(a.topics.len(), n + 1);
    assert_ne!(
        topic_holding(h.state(), stays),
        Some(new),
        "its neighbour stays"
    );
    add_an_article(&mut h);
    let t = topic_holding(h.state(), r).unwrap();
    let a = h.state().view.analysis.clone().unwrap();
    assert!(a.topics[t].label.ends_with("(split)"));
    assert_eq!(a.topics[t].members[0].sentences, vec![r.1]);
}

/// The outlets, authors, titles and file names of the harness's articles (as the teaching mode
/// test collects them).
fn article_names(h: &Harness<'static, FramediffApp>) -> Vec<String> {
    h.state()
        .state
        .workspace
        .entries
        .iter()
        .flat_map(|e| {
            let a = &e.article;
            let file = std::path::Path::new(&a.path)
                .file_name()
                .map(|f| f.to_string_lossy().into_owned());
            [
                a.source.clone(),
                a.author.clone(),
                Some(a.title.clone()),
                file,
            ]
        })
        .flatten()
        .filter(|s| s.trim().chars().count() >= 4)
        .collect()
}

/// The samples twice over (as other files with other outlets): eight articles, in a window of
/// `size`.
fn eight_articles(size: egui::Vec2) -> Harness<'static, FramediffApp> {
    let mut state = State::default();
    let samples = framediff::samples::load().expect("samples");
    for round in 0..2 {
        for a in &samples {
            let mut a = a.clone();
            a.path = format!("copy{round}-{}", a.path);
            a.source = Some(format!("Outlet {round}{}", a.path.len()));
            state
                .workspace
                .entries
                .push(framediff::workspace::Entry::new(a));
        }
    }
    state.workspace.ensure_keys();
    let mut app = FramediffApp::with_state(state);
    app.start(Vec::new());
    assert!(app.wait_idle(WAIT), "analysis did not finish");
    let mut h = Harness::builder()
        .with_size(size)
        .with_max_steps(200)
        .build_ui_state(|ui, app: &mut FramediffApp| app.frame_ui(ui), app);
    h.run();
    h.run();
    h
}

/// Column heads drawn now ("A · outlet"): a letter, a middle dot, a name.
fn column_heads(h: &Harness<'static, FramediffApp>) -> Vec<String> {
    rendered_texts(h)
        .into_iter()
        .filter(|t| {
            let mut c = t.chars();
            matches!(c.next(), Some('A'..='Z'))
                && t.chars().skip(1).take(3).collect::<String>() == " · "
        })
        .collect()
}

#[test]
fn exports_say_the_windows_letters_after_hiding_and_moving_and_hide_names_in_teaching_mode() {
    let dir = std::env::temp_dir().join(format!("framediff-letters-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let mut h = harness();
    // hide B and move D above C: the window says A, D, C
    h.state_mut().run_cmd(Command::ToggleHidden(1));
    settle(&mut h);
    h.state_mut().run_cmd(Command::Move { from: 3, to: 2 });
    settle(&mut h);
    let (letters, sources, summaries) = {
        let app = h.state();
        let a = app.view.analysis.as_ref().unwrap();
        let letters: Vec<String> = (0..a.articles.len()).map(|i| app.view.letter(i)).collect();
        let sources: Vec<String> = a
            .articles
            .iter()
            .map(|x| x.source.clone().unwrap())
            .collect();
        let summaries: Vec<(String, String)> = a
            .differences
            .iter()
            .map(|d| (d.summary.clone(), app.view.summary(d).into_owned()))
            .collect();
        (letters, sources, summaries)
    };
    assert_eq!(letters, ["A", "D", "C"]);
    h.get_by_label(D);
    let path = dir.join("out.md");
    h.state_mut().run_cmd(Command::ExportTo(
        framediff::report::ReportFormat::Markdown,
        path.clone(),
    ));
    settle(&mut h);
    let md = std::fs::read_to_string(&path).unwrap();
    for (letter, source) in letters.iter().zip(&sources) {
        let row = md
            .lines()
            .find(|l| l.starts_with(&format!("| {letter} | ")))
            .unwrap_or_else(|| panic!("no row {letter}: {md}"));
        assert!(row.contains(source.as_str()), "{letter} is {source}: {row}");
    }
    assert!(!md.lines().any(|l| l.starts_with("| B | ")), "{md}");
    let moved = summaries.iter().filter(|(raw, shown)| raw != shown).count();
    assert!(
        moved > 0,
        "a difference names a moved article: {summaries:?}"
    );
    for (_, shown) in &summaries {
        let escaped = shown
            .replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;");
        assert!(
            md.contains(&escaped),
            "the window's words {shown:?} in {md}"
        );
    }
    // JSON: the letters are listed beside the analysis
    let json_path = dir.join("out.json");
    h.state_mut().run_cmd(Command::ExportTo(
        framediff::report::ReportFormat::Json,
        json_path.clone(),
    ));
    settle(&mut h);
    let v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&json_path).unwrap()).unwrap();
    assert_eq!(v["letters"], serde_json::json!(letters));

    // teaching mode: the exports and the handout name nobody; the answer key does
    let names = article_names(&h);
    assert!(names.len() >= 8, "{names:?}");
    h.state_mut().run_cmd(Command::SetTeaching(true));
    h.run();
    for (format, ext) in [
        (framediff::report::ReportFormat::Html, "html"),
        (framediff::report::ReportFormat::Markdown, "md"),
        (framediff::report::ReportFormat::Json, "json"),
    ] {
        let path = dir.join(format!("blind.{ext}"));
        h.state_mut()
            .run_cmd(Command::ExportTo(format, path.clone()));
        settle(&mut h);
        let text = std::fs::read_to_string(&path).unwrap();
        assert_eq!(leaks(&[text], &names), Vec::<String>::new(), "{ext}");
        let status = h.state().view.status.clone().unwrap_or_default();
        assert!(status.contains("teaching mode"), "{status}");
    }
    let sheet_path = dir.join("class 3.html");
    h.state_mut().run_cmd(Command::ExportTo(
        framediff::report::ReportFormat::Handout,
        sheet_path.clone(),
    ));
    settle(&mut h);
    let key_path = dir.join("class 3-answer-key.html");
    let status = h.state().view.status.clone().unwrap_or_default();
    assert!(status.contains("answer key"), "{status}");
    let sheet = std::fs::read_to_string(&sheet_path).unwrap();
    let key = std::fs::read_to_string(&key_path).unwrap();
    assert_eq!(
        leaks(std::slice::from_ref(&sheet), &names),
        Vec::<String>::new()
    );
    assert!(!sheet.contains("<script"), "printable, no scripts");
    for l in &letters {
        assert!(sheet.contains(&format!("<h3>Article {l}</h3>")), "{l}");
    }
    assert!(!sheet.contains("<h3>Article B</h3>"), "B is hidden");
    assert!(sheet.contains("Your answer"));
    for (l, source) in letters.iter().zip(&sources) {
        let esc = framediff::report::html::esc(source);
        assert!(
            key.contains(&format!("<th>Article {l}</th><td>{esc}")),
            "{l} is {source} in the key"
        );
    }
    // the window's evidence sentences are under the differences
    let evidence_shown = {
        let app = h.state();
        let a = app.view.analysis.as_ref().unwrap();
        app.view
            .index
            .evidence
            .iter()
            .flat_map(|e| e.sentences.iter())
            .filter_map(|&(art, s)| a.articles[art.index()].sentences.get(s))
            .all(|s| sheet.contains(&framediff::report::html::esc(&s.text)))
    };
    assert!(evidence_shown);
    // an answer key name taken by a file framediff did not write: nothing is written
    let other = dir.join("week 4.html");
    let taken = dir.join("week 4-answer-key.html");
    std::fs::write(&taken, "my own page").unwrap();
    h.state_mut().run_cmd(Command::ExportTo(
        framediff::report::ReportFormat::Handout,
        other.clone(),
    ));
    settle(&mut h);
    assert_eq!(std::fs::read_to_string(&taken).unwrap(), "my own page");
    assert!(!other.exists());
    let problems = h.state().view.problems.join("\n");
    assert!(
        problems.contains("not an answer key framediff wrote"),
        "{problems}"
    );
    // and an earlier answer key is written over
    h.state_mut().run_cmd(Command::ExportTo(
        framediff::report::ReportFormat::Handout,
        sheet_path.clone(),
    ));
    settle(&mut h);
    assert!(
        h.state()
            .view
            .status
            .as_deref()
            .unwrap_or("")
            .contains("answer key")
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn the_blind_handout_is_exported_from_the_file_menu_through_the_chooser() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = in_window_harness(dir.path());
    h.get_by_label("File").click();
    h.run();
    h.get_by_label("Export").click();
    h.run();
    h.get_by_label("Blind handout for a class (HTML)…").click();
    settle(&mut h);
    let chooser = h.state().view.chooser.clone().expect("the chooser opened");
    assert_eq!(chooser.file_name, "handout.html");
    h.get_by_label("Export").click();
    settle(&mut h);
    let base = std::fs::canonicalize(dir.path()).unwrap();
    let sheet = std::fs::read_to_string(base.join("handout.html")).unwrap();
    let key = std::fs::read_to_string(base.join("handout-answer-key.html")).unwrap();
    assert!(sheet.contains("<h3>Article A</h3>") && !sheet.contains("Meridian Wire"));
    assert!(key.contains("Meridian Wire (illustrative)</td>"), "{key}");
    let status = h.state().view.status.clone().unwrap_or_default();
    assert!(status.starts_with("Wrote the blind handout"), "{status}");
}

#[test]
fn at_1000x700_eight_articles_page_at_a_readable_width() {
    use framediff::gui::app::Command;
    let mut h = eight_articles(egui::vec2(1000.0, 700.0));
    let (fit, shown) = {
        let l = &h.state().view.layout;
        (l.fit, l.shown.clone())
    };
    assert_eq!(h.state().view.analysis.as_ref().unwrap().articles.len(), 8);
    assert!((1..8).contains(&fit), "{fit} columns fit");
    assert_eq!(shown, (0..fit).collect::<Vec<_>>());
    let pager = format!("Columns A–{} of 8", (b'A' + fit as u8 - 1) as char);
    let pager = if fit == 1 {
        "Columns A of 8".to_string()
    } else {
        pager
    };
    h.get_by_label(&pager);
    let heads = column_heads(&h);
    assert!(
        !heads.is_empty() && heads.len() <= fit,
        "{} heads drawn for {fit} columns: {heads:?}",
        heads.len()
    );
    for &i in &shown {
        let col = h.state().view.layout.columns[i];
        // the column's text (its scroll area, scroll bar left out) is readable
        assert!(col.width() + 14.0 >= 219.0, "column {i}: {col:?}");
    }
    // Alt+Right shows the next columns, Alt+Left the first again
    h.key_press_modifiers(egui::Modifiers::ALT, egui::Key::ArrowRight);
    h.run();
    h.run();
    let next = h.state().view.layout.shown.clone();
    assert_eq!(next.len(), fit);
    assert_eq!(next[0], fit.min(8 - fit), "{next:?}");
    assert!(h.query_by_label(&pager).is_none());
    assert!(
        column_heads(&h).iter().all(|t| next
            .iter()
            .any(|&i| t.starts_with((b'A' + i as u8) as char))),
        "{:?}",
        column_heads(&h)
    );
    assert_eq!(
        h.state().view.selected_topic,
        None,
        "Alt+Right is not Right"
    );
    h.key_press_modifiers(egui::Modifiers::ALT, egui::Key::ArrowLeft);
    h.run();
    assert_eq!(h.state().view.layout.shown, shown);
    // the arrow button does the same
    h.get_by_label("Next columns").click();
    h.run();
    assert_eq!(h.state().view.layout.shown, next);
    // a chosen pair (A and H) is shown as such
    if fit >= 2 {
        let mut pair: Vec<usize> = (0..fit - 1).collect();
        pair.push(7);
        h.state_mut().run_cmd(Command::ShowColumns(pair.clone()));
        h.run();
        h.run();
        assert_eq!(h.state().view.layout.shown, pair);
        assert!(
            h.query_by_label_contains("H of 8").is_some(),
            "the pager names the chosen columns"
        );
    }
    // the shortcut is listed
    h.key_press(egui::Key::F1);
    h.run();
    h.get_by_label("Alt+Left / Alt+Right");
}

#[test]
fn at_1400x860_four_articles_fit_and_no_pager_is_shown() {
    let mut state = State::default();
    state.workspace.entries = framediff::samples::load()
        .unwrap()
        .into_iter()
        .take(3)
        .map(framediff::workspace::Entry::new)
        .collect();
    state.workspace.ensure_keys();
    let mut app = FramediffApp::with_state(state);
    app.start(Vec::new());
    assert!(app.wait_idle(WAIT));
    let mut h = Harness::builder()
        .with_size(egui::vec2(1400.0, 860.0))
        .build_ui_state(|ui, app: &mut FramediffApp| app.frame_ui(ui), app);
    h.run();
    h.run();
    assert_eq!(
        h.state().view.layout.shown,
        vec![0, 1, 2],
        "{:?} {:?}",
        h.state().view.layout.map_rect,
        h.state().view.layout.columns
    );
    assert!(h.query_by_label_contains("Columns ").is_none());
    assert_eq!(column_heads(&h).len(), 3);
}

#[test]
fn the_change_map_is_drawn_explains_itself_and_scrolls_the_columns_when_clicked() {
    let mut h = harness();
    {
        let app = h.state();
        let map = &app.view.index.map;
        assert!(
            map.bands.iter().any(|b| !b.is_empty()),
            "shared topics marked"
        );
        assert!(
            map.ticks.iter().any(|t| !t.is_empty()),
            "differences marked"
        );
    }
    let node_rect = h.get_by_label("Change map").rect();
    let rect = h.state().view.layout.map_rect;
    assert!(rect.is_positive() && rect.width() < 80.0, "{rect:?}");
    assert!((node_rect.center() - rect.center()).length() < 2.0);
    let shown = h.state().view.layout.shown.clone();
    let i = shown[0];
    let before = h.state().view.layout.offset(i).unwrap();
    // near the end of the first lane
    let at = egui::pos2(
        rect.left() + 4.0 + 3.5,
        rect.top() + 14.0 + 0.85 * (rect.height() - 16.0),
    );
    h.hover_at(at);
    h.run();
    assert!(
        h.query_by_label_contains("Each lane is one article")
            .is_some(),
        "the map explains itself on hover"
    );
    assert!(h.query_all_by_label_contains(", paragraph ").count() >= 1);
    for pressed in [true, false] {
        h.event(egui::Event::PointerButton {
            pos: at,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: egui::Modifiers::NONE,
        });
    }
    h.run();
    h.run();
    h.run();
    let after = h.state().view.layout.offset(i).unwrap();
    assert!(
        after > before + 100.0,
        "column {i} scrolled from {before} to {after}"
    );
    assert!(h.state().view.scroll_to_place.is_none(), "request consumed");
    // the clicked sentence is in view
    let app = h.state();
    let f = 0.85;
    let s = app.view.index.map.sentence_at(i, f).unwrap();
    assert!(
        shown_in_column(app, (framediff::ArticleId(i), s)),
        "sentence {s} not in view"
    );
}

#[test]
fn the_word_diff_opens_beside_the_clicked_sentence_and_the_right_panel_keeps_its_width() {
    use framediff::ArticleId;
    let mut h = harness();
    let card_x = h.get_by_label("Framing card").rect().left();
    // a sentence of B with aligned partners, drawn on screen, that starts a paragraph (so the
    // top left of its rectangle is in its first run)
    let (r, at) = {
        let app = h.state();
        let a = app.view.analysis.as_ref().unwrap();
        let art = &a.articles[1];
        let r = (1..art.sentences.len())
            .map(|s| (ArticleId(1), s))
            .filter(|r| app.view.index.partners.contains_key(r))
            .filter(|r| art.sentences[r.1].paragraph != art.sentences[r.1 - 1].paragraph)
            .find(|r| {
                app.view.layout.rects.get(r).is_some_and(|rect| {
                    app.view.layout.columns[1].contains(rect.min + egui::vec2(4.0, 4.0))
                        && rect.bottom() < app.view.layout.columns[1].center().y
                })
            })
            .expect("an aligned sentence of B on screen");
        (r, app.view.layout.rects[&r].min + egui::vec2(4.0, 4.0))
    };
    for pressed in [true, false] {
        h.event(egui::Event::PointerButton {
            pos: at,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: egui::Modifiers::NONE,
        });
    }
    h.run();
    h.run();
    assert_eq!(h.state().view.selected_sentence, Some(r));
    assert_eq!(h.state().view.diff_pair.map(|p| p.0), Some(r));
    let sentence = h.state().view.layout.rects[&r];
    let title = h.get_by_label("Word diff").rect();
    assert!(
        title.top() >= sentence.bottom() && title.top() < sentence.bottom() + 40.0,
        "the diff opens under its sentence: {title:?} vs {sentence:?}"
    );
    assert!(title.left() < card_x, "in the columns, not the right panel");
    let legend = h
        .query_by_label_contains("struck through")
        .expect("the diff's legend")
        .rect();
    assert!(legend.right() < card_x);
    assert_eq!(
        h.get_by_label("Framing card").rect().left(),
        card_x,
        "the right panel keeps its width"
    );
    // Close closes it; a sentence without partners opens none
    h.get_by_label("Close").click();
    h.run();
    assert!(h.state().view.diff_pair.is_none());
    assert!(h.query_by_label("Word diff").is_none());
    // selecting a difference and stepping through topics does not move the panel's edge
    h.key_press(egui::Key::ArrowDown);
    h.run();
    h.key_press_modifiers(egui::Modifiers::ALT, egui::Key::ArrowDown);
    h.run();
    h.run();
    assert_eq!(h.get_by_label("Framing card").rect().left(), card_x);
}

#[test]
fn help_explains_the_legend_tone_coverage_and_change_map() {
    let mut h = harness();
    h.get_by_label("Help").click();
    h.run();
    h.get_by_label("Reading guide").click();
    h.run();
    for probe in [
        "Marks in the text",
        "Tone",
        "Coverage chips",
        "one lane per article",
        "Columns that fit",
        "VADER compound",
        "no sentence of the article is aligned to the topic",
    ] {
        assert!(
            h.query_by_label_contains(probe).is_some(),
            "the guide says nothing of {probe:?}"
        );
    }
}

#[test]
fn a_narrow_window_hides_the_articles_panel_so_that_a_pair_of_columns_fits() {
    let mut h = eight_articles(egui::vec2(1000.0, 700.0));
    assert!(!h.state().view.articles_panel_shown, "hidden at 1000 px");
    assert!(
        h.query_by_label("Articles").is_none(),
        "the library is not drawn"
    );
    let fit = h.state().view.layout.fit;
    assert!(fit >= 2, "a pair fits: {fit}");
    // Ctrl+B shows it (the user's choice then holds), and the columns page more
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::B);
    for _ in 0..20 {
        h.run(); // the panel slides in
    }
    assert!(h.state().view.articles_panel_shown);
    assert_eq!(
        h.state().state.workspace.settings.articles_panel,
        framediff::workspace::PanelMode::Shown
    );
    h.get_by_label("Articles");
    assert!(
        h.state().view.layout.fit < fit,
        "fewer columns fit beside the panel"
    );
    // and the button above the columns brings it back after hiding it again
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::B);
    for _ in 0..20 {
        h.run();
    }
    assert!(!h.state().view.articles_panel_shown);
    h.get_by_label("Show articles and topics").click();
    h.run();
    h.run();
    assert!(h.state().view.articles_panel_shown);
}

#[test]
fn the_card_lists_the_most_telling_differences_and_all_on_request() {
    use framediff::frame::{Difference, DifferenceKind};
    let mut analysis = omission_fixture();
    for i in 0..20 {
        analysis.differences.push(Difference {
            topic: 0,
            kind: DifferenceKind::Tone,
            articles: vec![framediff::ArticleId(0)],
            summary: format!("Tone statement number {i}."),
            evidence: vec![(framediff::ArticleId(0), 1)],
        });
    }
    // a quotation difference, listed after them, is the most telling kind: it comes first
    analysis.differences.push(Difference {
        topic: 0,
        kind: DifferenceKind::Quote,
        articles: vec![framediff::ArticleId(0)],
        summary: "A quotes the mayor.".into(),
        evidence: vec![(framediff::ArticleId(0), 2)],
    });
    let mut h = harness_with(analysis, 3000.0); // tall enough for every row
    let shown = |h: &Harness<'static, FramediffApp>, text: &str| {
        rendered_texts(h).iter().any(|t| t.contains(text))
    };
    assert!(shown(&h, "flood: A quotes the mayor."), "the quote first");
    // then the omission (rank 2), then the tone statements: 15 in all
    assert!(shown(&h, "Tone statement number 12."));
    assert!(!shown(&h, "Tone statement number 13."), "15 shown, not 22");
    h.get_by_label("Show all 22 differences").click();
    h.run();
    assert!(shown(&h, "Tone statement number 19."));
    // a topic's card caps its list the same way
    h.state_mut().run_cmd(Command::ShowAllDifferences(false));
    h.state_mut().run_cmd(Command::SelectTopic(Some(0)));
    h.run();
    assert!(!shown(&h, "Tone statement number 19."));
    assert!(h.query_by_label("Show all 22 differences").is_some());
}
/// Two articles of one story that name one minister differently, with entities as the analysis
/// gives them.
fn naming_fixture() -> framediff::Analysis {
    use framediff::align::{Placement, Story, Topic, TopicMember};
    use framediff::frame::entities::{Entity, EntityKind, EntityMention, MentionForm};
    let mut analysis = omission_fixture();
    analysis.articles[0].sentences[2].text =
        "Minister Anna Berg blamed the dam operator; the minister promised help.".into();
    analysis.articles[1].sentences[3].text =
        "Berg, the flood minister, visited the farms downstream.".into();
    analysis.stories = vec![Story {
        id: 0,
        articles: vec![framediff::ArticleId(0), framediff::ArticleId(1)],
    }];
    let member = |article: usize, sentences: Vec<usize>| TopicMember {
        article: framediff::ArticleId(article),
        sentences,
        share: 0.5,
        first_paragraph: 1,
        placement: Placement::Body,
    };
    analysis.topics = vec![Topic {
        id: 0,
        label: "flood".into(),
        terms: vec!["flood".into()],
        story: 0,
        members: vec![member(0, vec![1, 2]), member(1, vec![3, 25])],
    }];
    analysis.differences.clear();
    let m = |article: usize, sentence: usize, text: &str, form| EntityMention {
        article: framediff::ArticleId(article),
        sentence,
        start: 0,
        end: text.len(),
        text: text.into(),
        form,
    };
    analysis.entities = vec![Entity {
        id: 0,
        name: "Anna Berg".into(),
        kind: EntityKind::Person,
        mentions: vec![
            m(0, 2, "Minister Anna Berg", MentionForm::Name),
            m(0, 2, "the minister", MentionForm::Description),
            m(1, 3, "Berg", MentionForm::Short),
            m(1, 3, "the flood minister", MentionForm::Description),
            m(1, 4, "she", MentionForm::Pronoun),
        ],
    }];
    analysis
}

#[test]
fn the_card_shows_how_each_article_names_an_actor_one_click_from_its_sentence() {
    let analysis = naming_fixture();
    let mut h = harness_with(analysis, 860.0);
    assert!(
        h.query_by_label("How the articles name the actors")
            .is_none(),
        "no topic selected, no naming view"
    );
    h.state_mut().run_cmd(Command::SelectTopic(Some(0)));
    h.run();
    h.get_by_label("How the articles name the actors");
    h.get_by_label("Anna Berg:");
    h.get_by_label("Minister Anna Berg,");
    h.get_by_label("the minister");
    h.get_by_label("Berg,");
    h.get_by_label("the flood minister");
    assert!(
        h.query_by_label("she").is_none(),
        "pronouns are not namings"
    );
    h.get_by_label("the flood minister").click();
    h.run();
    assert_eq!(
        h.state().view.evidence,
        vec![(framediff::ArticleId(1), 3)],
        "a naming is one click from its sentence"
    );
}
