//! The `framediff` binary: parses arguments, reads files, calls the core and prints or opens the
//! window. All analysis lives in the library.

use clap::{Parser, Subcommand, ValueEnum};
use framediff::report::{self, ReportFormat};
use std::path::PathBuf;
use std::process::ExitCode;

// Analysis allocates many small strings and vectors across threads; mimalloc (MIT) serves them
// faster than the system allocator (issue 8 speed figures).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Parser, Debug)]
#[command(
    name = "framediff",
    version,
    about = "Compare how news articles frame one story.",
    long_about = "Compare how news articles frame one story.\n\nWith no arguments, opens the window with the bundled sample articles. With FILE arguments, opens the window with those files (folders are expanded)."
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    /// Articles or folders to open in the window.
    files: Vec<PathBuf>,
    /// Overlay the built-in lexicons with the files of this folder in the window (default: the
    /// folder in the FRAMEDIFF_LEXICONS environment variable, if set).
    #[arg(long, env = "FRAMEDIFF_LEXICONS")]
    lexicons: Option<PathBuf>,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Compare articles headless and print (or write) the result.
    Compare {
        /// Article files or folders (.txt, .md, .html, .pdf; others are sniffed), or web
        /// addresses (http:// or https://), which are fetched.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Output format (`handout`: a blind handout for a class, with its answer key written
        /// beside it as NAME-answer-key.html; needs -o).
        #[arg(long, value_enum, default_value_t = OutFormat::Json)]
        format: OutFormat,
        /// Write to this file instead of standard output (`-` is standard output).
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// Overlay the built-in lexicons with the lexicon files in this folder (entries are
        /// added, replaced by phrase, or removed with `!phrase`; `paraphrases.txt` included).
        #[arg(long)]
        lexicons: Option<PathBuf>,
    },
    /// Measure quality on annotated data.
    Eval {
        #[command(subcommand)]
        corpus: EvalCorpus,
    },
}

#[derive(Subcommand, Debug)]
enum EvalCorpus {
    /// BASIL (Fan et al. 2019): articles/ and annotations/ folders under DIR.
    Basil {
        /// The corpus folder (default: ../shared/data/basil-dev beside the checkout).
        dir: Option<PathBuf>,
    },
    /// ECB+ development part (Cybulska and Vossen 2014): gold.json and one folder per topic
    /// under DIR; one analysis per topic.
    Ecb {
        /// The corpus folder (default: $FRAMEDIFF_ECB, else ../shared/data/ecb-dev beside the
        /// checkout).
        dir: Option<PathBuf>,
        /// Only these topics (e.g. --topic 1 --topic 3).
        #[arg(long = "topic")]
        topics: Vec<String>,
        /// Print the entity error analysis (gold mentions missed or put in a wrong cluster, by
        /// form) instead of the figures.
        #[arg(long)]
        entity_errors: bool,
        /// Print N of the alignments alignment precision counts as wrong and N of the gold
        /// event pairs event-pair recall counts as missed, with both sentences, to judge by
        /// hand, instead of the figures.
        #[arg(long, value_name = "N")]
        show_misses: Option<usize>,
    },
    /// Real web pages (pages-dev): body F1 of copied text and HTML, title/date/author.
    Pages {
        /// The folder with copied/, html/ and ground-truth.json (default: ../shared/data/pages-dev).
        dir: Option<PathBuf>,
        /// Print one line per page (worst first).
        #[arg(long)]
        details: bool,
    },
}

#[derive(Copy, Clone, Debug, ValueEnum)]
enum OutFormat {
    Json,
    Md,
    Html,
    Handout,
}

impl From<OutFormat> for ReportFormat {
    fn from(f: OutFormat) -> Self {
        match f {
            OutFormat::Json => ReportFormat::Json,
            OutFormat::Md => ReportFormat::Markdown,
            OutFormat::Html => ReportFormat::Html,
            OutFormat::Handout => ReportFormat::Handout,
        }
    }
}

fn main() -> ExitCode {
    // A parsing worker (see framediff::isolate) does its one job and exits.
    if let Some(code) = framediff::isolate::worker_entry() {
        return code;
    }
    framediff::isolate::use_current_exe();
    #[cfg(feature = "gui")]
    framediff::gui::STARTED.get_or_init(std::time::Instant::now);
    let cli = Cli::parse();
    match cli.command {
        Some(Command::Compare {
            files,
            format,
            output,
            lexicons,
        }) => compare(&files, format.into(), output, lexicons),
        Some(Command::Eval {
            corpus: EvalCorpus::Basil { dir },
        }) => eval_basil(dir),
        Some(Command::Eval {
            corpus:
                EvalCorpus::Ecb {
                    dir,
                    topics,
                    entity_errors,
                    show_misses,
                },
        }) => eval_ecb(dir, &topics, entity_errors, show_misses),
        Some(Command::Eval {
            corpus: EvalCorpus::Pages { dir, details },
        }) => eval_pages(dir, details),
        None => open_window(cli.files, cli.lexicons),
    }
}

#[cfg(not(feature = "gui"))]
fn open_window(_files: Vec<PathBuf>, _lexicons: Option<PathBuf>) -> ExitCode {
    eprintln!(
        "framediff: this build has no window (built without the `gui` feature); use `framediff compare FILE...`"
    );
    ExitCode::from(2)
}

#[cfg(feature = "gui")]
fn open_window(files: Vec<PathBuf>, lexicons: Option<PathBuf>) -> ExitCode {
    // a bad lexicon folder is shown in the window, which then uses the built-in lexicons
    let (config, problems) = match framediff::files::load_config(lexicons.as_deref()) {
        Ok(c) => (c, Vec::new()),
        Err(e) => (
            framediff::Config::builtin(),
            vec![format!("{e} (using the built-in lexicons)")],
        ),
    };
    match framediff::gui::run(files, config, problems) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("framediff: the window could not be opened: {e}");
            eprintln!(
                "framediff: on Linux the window needs libEGL/libGL (Mesa), libxkbcommon-x11, libxcursor and libxi; `framediff compare` works without a display"
            );
            ExitCode::from(2)
        }
    }
}

fn compare(
    files: &[PathBuf],
    format: ReportFormat,
    output: Option<PathBuf>,
    lexicons: Option<PathBuf>,
) -> ExitCode {
    let timing = std::env::var_os("FRAMEDIFF_TIMING").is_some();
    let output = output.filter(|p| p.as_os_str() != "-");
    let handout_key = match (&output, format) {
        (None, ReportFormat::Handout) => {
            eprintln!(
                "framediff: a handout is two files (the handout and its answer key): give -o FILE.html"
            );
            return ExitCode::from(2);
        }
        (Some(path), ReportFormat::Handout) => {
            let key = report::handout::answer_key_path(path);
            if let Err(e) = report::handout::may_write_key(&key) {
                eprintln!("framediff: {e}");
                return ExitCode::from(2);
            }
            Some(key)
        }
        _ => None,
    };
    let started = std::time::Instant::now();
    // Files are read (and risky ones handed to reading workers) while the configuration loads,
    // the page cleaner's patterns compile, VADER's lexicons are built and the embeddings are
    // checked (their vocabulary's table is compiled in): none of them needs another (the
    // lexicon loader waits for VADER's words if it gets there first).
    let read_all = || {
        // Files are read in parallel and web addresses fetched; articles keep the argument order.
        let options = framediff::fetch::FetchOptions::default();
        let mut articles = Vec::new();
        let mut failed: Vec<String> = Vec::new();
        let mut pending: Vec<PathBuf> = Vec::new();
        let read_pending = |pending: &mut Vec<PathBuf>,
                            articles: &mut Vec<framediff::Article>,
                            failed: &mut Vec<String>| {
            if !pending.is_empty() {
                let (ok, bad) = framediff::files::read_articles(pending);
                articles.extend(ok);
                failed.extend(bad.iter().map(ToString::to_string));
                pending.clear();
            }
        };
        for arg in files {
            let shown = arg.to_string_lossy();
            if framediff::fetch::is_url(&shown) {
                read_pending(&mut pending, &mut articles, &mut failed);
                match framediff::fetch::fetch_article(&shown, &options) {
                    Ok(a) => articles.push(a),
                    Err(e) => failed.push(e.to_string()),
                }
            } else {
                pending.push(arg.clone());
            }
        }
        read_pending(&mut pending, &mut articles, &mut failed);
        (articles, failed)
    };
    let (config, (articles, failed)) = std::thread::scope(|scope| {
        // the reader first: a file parsed by a worker process starts that process at once
        let reader = scope.spawn(read_all);
        let warm = scope.spawn(framediff::ingest::clean::warm_up);
        let tone = scope.spawn(framediff::frame::tone::warm_up);
        // the static embeddings' vocabulary, for the omission check
        let embed = scope.spawn(framediff::text::embed::StaticEmbeddings::builtin);
        let config = framediff::files::load_config(lexicons.as_deref());
        let _ = (warm.join(), tone.join(), embed.join());
        (config, reader.join().unwrap_or_default())
    });
    let config = match config {
        Ok(l) => l,
        Err(e) => {
            eprintln!("framediff: {e}");
            return ExitCode::from(2);
        }
    };
    let read = started.elapsed();
    for e in &failed {
        eprintln!("framediff: skipped {e}");
    }
    for a in &articles {
        for notice in &a.notices {
            eprintln!("framediff: note: {}: {notice}", a.path);
        }
    }
    if articles.is_empty() {
        eprintln!("framediff: no article could be read");
        return ExitCode::from(2);
    }
    let (analysis, scratch) = framediff::analysis::analyze_with_scratch(articles, &config);
    let analysed = started.elapsed();
    let (text, key_text) = match &handout_key {
        Some(_) => {
            let pages = report::handout::render(&analysis, &[], &report::ExportOptions::new(), &[]);
            (pages.sheet, Some(pages.key))
        }
        None => (report::render(&analysis, &[], format), None),
    };
    if timing {
        eprintln!(
            "framediff: read and configured {:.0} ms, analysed {:.0} ms, rendered {:.0} ms",
            read.as_secs_f64() * 1e3,
            (analysed - read).as_secs_f64() * 1e3,
            (started.elapsed() - analysed).as_secs_f64() * 1e3
        );
    }
    match output {
        Some(path) => {
            if let Err(e) = framediff::files::write_atomic(&path, text.as_bytes()) {
                eprintln!("framediff: cannot write {}: {e}", path.display());
                return ExitCode::from(2);
            }
            if let (Some(key), Some(key_text)) = (&handout_key, &key_text)
                && let Err(e) = framediff::files::write_atomic(key, key_text.as_bytes())
            {
                eprintln!("framediff: cannot write {}: {e}", key.display());
                return ExitCode::from(2);
            }
        }
        None => {
            use std::io::Write;
            let mut out = std::io::stdout().lock();
            match writeln!(out, "{text}").and_then(|()| out.flush()) {
                Ok(()) => {}
                // The reader went away (`framediff compare … | head`): nothing left to do.
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => return ExitCode::SUCCESS,
                Err(e) => {
                    eprintln!("framediff: cannot write to standard output: {e}");
                    return ExitCode::from(2);
                }
            }
        }
    }
    // The process ends here: the operating system takes the analysis back at once, while
    // dropping it would free its hundreds of thousands of strings one by one.
    std::mem::forget((analysis, scratch, text, key_text));
    if failed.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

fn eval_basil(dir: Option<PathBuf>) -> ExitCode {
    let Some(dir) = dir.or_else(framediff::eval::basil::default_dir) else {
        eprintln!("framediff: give the BASIL folder (articles/ and annotations/)");
        return ExitCode::from(2);
    };
    match framediff::eval::basil::load(&dir) {
        Ok(corpus) => {
            println!(
                "BASIL: {} articles loaded from {}",
                corpus.len(),
                dir.display()
            );
            println!("{}", framediff::eval::align_metrics::measure(&corpus));
            let lexicons = framediff::frame::Lexicons::builtin();
            println!(
                "{}",
                framediff::eval::frame_metrics::measure(&corpus, &lexicons)
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("framediff: {e}");
            ExitCode::from(2)
        }
    }
}

fn eval_ecb(
    dir: Option<PathBuf>,
    topics: &[String],
    entity_errors: bool,
    show_misses: Option<usize>,
) -> ExitCode {
    let Some(dir) = dir.or_else(framediff::eval::ecb::default_dir) else {
        eprintln!("framediff: give the ECB+ folder (gold.json and one folder per topic)");
        return ExitCode::from(2);
    };
    let only: Vec<&str> = topics.iter().map(String::as_str).collect();
    let started = std::time::Instant::now();
    match framediff::eval::ecb::load(&dir, (!only.is_empty()).then_some(&only[..])) {
        Ok(corpus) => {
            let docs: usize = corpus.iter().map(|t| t.docs.len()).sum();
            println!(
                "ECB+: {} documents in {} topics loaded from {} in {} ms",
                docs,
                corpus.len(),
                dir.display(),
                started.elapsed().as_millis()
            );
            for t in &corpus {
                for (name, e) in &t.failed {
                    eprintln!("framediff: skipped {name}: {e}");
                }
            }
            if let Some(n) = show_misses {
                let misses = framediff::eval::ecb_misses::collect(&corpus);
                println!("{}", framediff::eval::ecb_misses::report(&misses, n));
            } else if entity_errors {
                println!("{}", framediff::eval::ecb::entity_errors(&corpus));
            } else {
                println!("{}", framediff::eval::ecb::measure(&corpus));
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("framediff: {e}");
            ExitCode::from(2)
        }
    }
}

fn eval_pages(dir: Option<PathBuf>, details: bool) -> ExitCode {
    let Some(dir) = dir.or_else(framediff::eval::pages::default_dir) else {
        eprintln!("framediff: give the pages folder (copied/, html/, ground-truth.json)");
        return ExitCode::from(2);
    };
    match framediff::eval::pages::run(&dir, details) {
        Ok(report) => {
            print!("{report}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("framediff: {e}");
            ExitCode::from(2)
        }
    }
}
