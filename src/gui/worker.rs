//! Work off the UI thread: reading files and running the analysis, with progress reports; file
//! dialogs, folder listings for the in-window chooser, opening and saving workspaces, exports.
//! The UI sends a job and polls for results each frame; a newer job makes older results stale.

use crate::analysis::{Analysis, Stage, analyze_cancellable};
use crate::config::Config;
use crate::error::IngestError;
use crate::gui::chooser::{self, DialogPolicy, Listing};
use crate::gui::index::Index;
use crate::model::{Article, Note};
use crate::report::handout::Shown;
use crate::report::{ExportOptions, ReportFormat};
use crate::workspace::Workspace;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, Sender, channel};

/// What a job reports back.
pub enum Message {
    /// Files were read: the articles and the files that failed.
    Loaded {
        articles: Vec<Article>,
        failed: Vec<IngestError>,
    },
    /// An analysis gave up because a newer one was requested.
    Superseded { generation: u64 },
    Progress {
        generation: u64,
        stage: Stage,
        fraction: f32,
    },
    /// An analysis finished.
    Analysed {
        generation: u64,
        analysis: Arc<Analysis>,
        index: Arc<Index>,
        millis: u128,
    },
    /// An article was fetched from a web address (or the reason it could not be).
    Fetched {
        url: String,
        result: Result<Box<Article>, String>,
    },
    /// A file dialog returned paths (empty when cancelled).
    Picked { purpose: Pick, paths: Vec<PathBuf> },
    /// No system file dialog is available: the in-window chooser takes over.
    NoNativeDialog {
        purpose: Pick,
        start_dir: Option<PathBuf>,
    },
    /// A folder was read for the in-window chooser.
    Listed {
        generation: u64,
        dir: PathBuf,
        result: Result<Listing, String>,
    },
    /// A workspace file was read and checked: the workspace and its repairs, or the reason.
    WorkspaceRead {
        path: PathBuf,
        result: Result<(Workspace, Vec<String>), String>,
    },
    /// A workspace was written (or the reason it was not).
    Saved {
        path: PathBuf,
        result: Result<(), String>,
    },
    /// A save would have replaced a file that is not a workspace: nothing was written.
    SaveRefused { path: PathBuf, reason: String },
    /// An export was rendered and written (or the reason it was not); `key` is the answer key
    /// written beside a blind handout; `blind`: written in teaching mode (no names).
    Exported {
        path: PathBuf,
        key: Option<PathBuf>,
        blind: bool,
        result: Result<(), String>,
    },
}

/// What an export writes: the analysis, the notes beside it, the format, the letters and
/// teaching mode (see [`ExportOptions`]), and for a blind handout the sentences each difference
/// rests on, as the window shows them (same order as the analysis's differences).
pub struct Export {
    pub analysis: Arc<Analysis>,
    pub notes: Vec<Note>,
    pub format: ReportFormat,
    pub opts: ExportOptions,
    pub evidence: Vec<Vec<Shown>>,
}

/// The file name an export dialog proposes.
pub fn export_file_name(format: ReportFormat) -> String {
    match format {
        ReportFormat::Handout => "handout.html".into(),
        f => format!("comparison.{}", f.extension()),
    }
}

/// Why a file dialog was opened.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pick {
    AddArticles,
    /// A folder whose articles are added.
    AddFolder,
    OpenWorkspace,
    SaveWorkspace,
    Export(crate::report::ReportFormat),
}

/// The background worker's handle.
pub struct Worker {
    tx: Sender<Message>,
    rx: Receiver<Message>,
    repaint: Option<egui::Context>,
    /// Generation of the newest analysis requested.
    pub generation: u64,
    /// The same, shared with running analyses so that a superseded one stops early.
    latest: Arc<std::sync::atomic::AtomicU64>,
    /// Jobs started and not yet reported back.
    pub pending: usize,
    /// Latest progress of the newest analysis.
    pub progress: Option<(Stage, f32)>,
    /// System file dialog or framediff's chooser (see [`crate::gui::chooser`]).
    pub dialogs: DialogPolicy,
}

impl Default for Worker {
    fn default() -> Self {
        let (tx, rx) = channel();
        Worker {
            tx,
            rx,
            repaint: None,
            generation: 0,
            latest: Arc::default(),
            pending: 0,
            progress: None,
            dialogs: DialogPolicy::default(),
        }
    }
}

impl Worker {
    /// Lets jobs wake the UI when they report.
    pub fn set_context(&mut self, ctx: &egui::Context) {
        self.repaint = Some(ctx.clone());
    }

    pub fn is_busy(&self) -> bool {
        self.pending > 0
    }

    fn spawn(&mut self, job: impl FnOnce(&Sender<Message>) + Send + 'static) {
        self.pending += 1;
        let tx = self.tx.clone();
        let ctx = self.repaint.clone();
        std::thread::spawn(move || {
            job(&tx);
            if let Some(ctx) = ctx {
                ctx.request_repaint();
            }
        });
    }

    /// Reads files (folders are expanded) in the background.
    pub fn load(&mut self, paths: Vec<PathBuf>) {
        self.spawn(move |tx| {
            let (articles, failed) = crate::files::read_articles(&paths);
            let _ = tx.send(Message::Loaded { articles, failed });
        });
    }

    /// Fetches an article from a web address in the background (15 s, 20 MB, 5 redirects).
    pub fn fetch(&mut self, url: String) {
        self.spawn(move |tx| {
            let result = crate::fetch::fetch_article(&url, &crate::fetch::FetchOptions::default())
                .map(Box::new)
                .map_err(|e| e.to_string());
            let _ = tx.send(Message::Fetched { url, result });
        });
    }

    /// Analyses articles in the background; results of older requests are dropped on arrival.
    pub fn analyse(&mut self, articles: Vec<Article>, config: Arc<Config>) {
        self.generation += 1;
        let generation = self.generation;
        let latest = Arc::clone(&self.latest);
        latest.store(generation, std::sync::atomic::Ordering::Relaxed);
        self.progress = Some((Stage::Aligning, 0.0));
        let ctx = self.repaint.clone();
        self.spawn(move |tx| {
            let started = std::time::Instant::now();
            let progress_tx = tx.clone();
            let report = move |stage: Stage, fraction: f32| {
                let _ = progress_tx.send(Message::Progress {
                    generation,
                    stage,
                    fraction,
                });
                if let Some(ctx) = &ctx {
                    ctx.request_repaint();
                }
            };
            let superseded = || latest.load(std::sync::atomic::Ordering::Relaxed) != generation;
            let Some(analysis) = analyze_cancellable(articles, &config, &report, &superseded)
            else {
                let _ = tx.send(Message::Superseded { generation });
                return;
            };
            let index = Index::new(&analysis);
            let _ = tx.send(Message::Analysed {
                generation,
                analysis: Arc::new(analysis),
                index: Arc::new(index),
                millis: started.elapsed().as_millis(),
            });
        });
    }

    /// Opens the system file dialog off the UI thread. When [`Worker::dialogs`] finds none
    /// (after waiting for the probe if it is still running), sends [`Message::NoNativeDialog`]
    /// instead, so the window opens its own chooser.
    pub fn pick(&mut self, purpose: Pick, start_dir: Option<PathBuf>) {
        let policy = self.dialogs;
        self.spawn(move |tx| {
            if !policy.native_blocking() {
                let _ = tx.send(Message::NoNativeDialog { purpose, start_dir });
                return;
            }
            let mut dialog = rfd::FileDialog::new();
            if let Some(dir) = start_dir {
                dialog = dialog.set_directory(dir);
            }
            let paths: Vec<PathBuf> = match purpose {
                Pick::AddArticles => dialog
                    .set_title("Add articles")
                    .add_filter("Articles", crate::files::ARTICLE_EXTENSIONS)
                    .add_filter("All files", &["*"])
                    .pick_files()
                    .unwrap_or_default(),
                Pick::AddFolder => dialog
                    .set_title("Add a folder of articles")
                    .pick_folder()
                    .into_iter()
                    .collect(),
                Pick::OpenWorkspace => dialog
                    .set_title("Open workspace")
                    .add_filter("framediff workspace", &["framediff", "json"])
                    .pick_file()
                    .into_iter()
                    .collect(),
                Pick::SaveWorkspace => dialog
                    .set_title("Save workspace")
                    .set_file_name("comparison.framediff")
                    .add_filter("framediff workspace", &["framediff"])
                    .save_file()
                    .into_iter()
                    .collect(),
                Pick::Export(format) => dialog
                    .set_title(if format == ReportFormat::Handout {
                        "Export a blind handout (an answer key is written beside it)"
                    } else {
                        "Export comparison"
                    })
                    .set_file_name(export_file_name(format))
                    .add_filter(format.extension(), &[format.extension()])
                    .save_file()
                    .into_iter()
                    .collect(),
            };
            let _ = tx.send(Message::Picked { purpose, paths });
        });
    }

    /// Starts finding out whether a system file dialog exists, so the first Ctrl+O need not wait.
    pub fn probe_dialogs(&self) {
        if self.dialogs == DialogPolicy::Auto && self.dialogs.native_now().is_none() {
            std::thread::spawn(chooser::native_dialogs);
        }
    }

    /// Reads a folder (at most [`chooser::MAX_ENTRIES`] entries) for the in-window chooser.
    pub fn list_dir(&mut self, generation: u64, dir: PathBuf) {
        self.spawn(move |tx| {
            let result = chooser::list_dir(&dir, chooser::MAX_ENTRIES);
            let _ = tx.send(Message::Listed {
                generation,
                dir,
                result,
            });
        });
    }

    /// Reads and checks a workspace file.
    pub fn open_workspace(&mut self, path: PathBuf) {
        self.spawn(move |tx| {
            let result = crate::files::read_workspace(&path).map_err(|e| e.to_string());
            let _ = tx.send(Message::WorkspaceRead { path, result });
        });
    }

    /// Writes a snapshot of the workspace atomically. Unless `replace`, an existing file that
    /// is not a workspace is left alone and [`Message::SaveRefused`] says what it is.
    pub fn save_workspace(&mut self, workspace: Workspace, path: PathBuf, replace: bool) {
        self.spawn(move |tx| {
            if !replace && let Some(reason) = crate::files::not_a_workspace(&path) {
                let _ = tx.send(Message::SaveRefused { path, reason });
                return;
            }
            let json = workspace.to_json();
            let result = crate::files::write_atomic(&path, json.as_bytes()).map_err(|e| {
                crate::WorkspaceError::Write {
                    path: path.display().to_string(),
                    message: e.to_string(),
                }
                .to_string()
            });
            let _ = tx.send(Message::Saved { path, result });
        });
    }

    /// Renders the analysis with the notes in `format` (named and hidden as `opts` says) and
    /// writes it atomically. A blind handout also writes its answer key beside it (see
    /// [`crate::report::handout::answer_key_path`]), with the difference `evidence` the window
    /// shows; an existing file there that is not an answer key framediff wrote is left alone
    /// and nothing is written.
    pub fn export(&mut self, export: Export, path: PathBuf) {
        self.spawn(move |tx| {
            let Export {
                analysis,
                notes,
                format,
                opts,
                evidence,
            } = export;
            let write = |path: &std::path::Path, text: &str| {
                crate::files::write_atomic(path, text.as_bytes())
                    .map_err(|e| format!("{}: cannot write the export: {e}", path.display()))
            };
            let (key, result) = if format == ReportFormat::Handout {
                use crate::report::handout;
                let key = handout::answer_key_path(&path);
                let result = handout::may_write_key(&key).and_then(|()| {
                    let pages = handout::render(&analysis, &notes, &opts, &evidence);
                    write(&path, &pages.sheet)?;
                    write(&key, &pages.key)
                });
                (Some(key), result)
            } else {
                let text = crate::report::render_with(&analysis, &notes, format, &opts);
                (None, write(&path, &text))
            };
            let blind = opts.blind;
            let _ = tx.send(Message::Exported {
                path,
                key,
                blind,
                result,
            });
        });
    }

    /// Messages that arrived since the last poll. Stale analyses are dropped here.
    pub fn poll(&mut self) -> Vec<Message> {
        let mut out = Vec::new();
        while let Ok(msg) = self.rx.try_recv() {
            match &msg {
                Message::Progress {
                    generation,
                    stage,
                    fraction,
                } => {
                    if *generation == self.generation {
                        self.progress = Some((*stage, *fraction));
                    }
                    continue;
                }
                Message::Superseded { .. } => {
                    self.pending = self.pending.saturating_sub(1);
                    continue;
                }
                Message::Analysed { generation, .. } => {
                    self.pending = self.pending.saturating_sub(1);
                    if *generation != self.generation {
                        continue;
                    }
                    self.progress = None;
                }
                _ => self.pending = self.pending.saturating_sub(1),
            }
            out.push(msg);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn articles(n: usize) -> Vec<Article> {
        (0..n)
            .map(|i| {
                let text = format!(
                    "Story {i}\n\nThe council of town {i} approved the budget on Monday. Critics \
                     called the plan reckless, and the mayor said it would pass anyway."
                );
                crate::ingest::ingest(&format!("{i}.txt"), text.as_bytes()).unwrap()
            })
            .collect()
    }

    #[test]
    fn only_the_newest_analysis_arrives_and_nothing_stays_busy() {
        let mut w = Worker::default();
        let config = Arc::new(Config::builtin());
        w.analyse(articles(60), Arc::clone(&config));
        w.analyse(articles(3), config);
        let mut delivered = Vec::new();
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
        while w.is_busy() && std::time::Instant::now() < deadline {
            for m in w.poll() {
                if let Message::Analysed {
                    generation,
                    analysis,
                    ..
                } = m
                {
                    delivered.push((generation, analysis.articles.len()));
                }
            }
            std::thread::sleep(std::time::Duration::from_millis(5));
        }
        assert!(
            !w.is_busy(),
            "a superseded analysis must not leave the window busy"
        );
        assert_eq!(delivered, vec![(2, 3)]);
    }
}
