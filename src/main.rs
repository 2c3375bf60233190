//! The `framediff` binary: parses arguments, reads files, calls the core and prints or opens the
//! window. All analysis lives in the library.

use clap::{Parser, Subcommand, ValueEnum};
use framediff::report::{self, ReportFormat};
use std::path::PathBuf;
use std::process::ExitCode;

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
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Compare articles headless and print (or write) the result.
    Compare {
        /// Article files or folders (.txt, .md, .html, .pdf; others are sniffed).
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = OutFormat::Json)]
        format: OutFormat,
        /// Write to this file instead of standard output (`-` is standard output).
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// Use the lexicon files in this folder instead of the built-in ones.
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
}

#[derive(Copy, Clone, Debug, ValueEnum)]
enum OutFormat {
    Json,
    Md,
    Html,
}

impl From<OutFormat> for ReportFormat {
    fn from(f: OutFormat) -> Self {
        match f {
            OutFormat::Json => ReportFormat::Json,
            OutFormat::Md => ReportFormat::Markdown,
            OutFormat::Html => ReportFormat::Html,
        }
    }
}

fn main() -> ExitCode {
    // A parsing worker (see framediff::isolate) does its one job and exits.
    if let Some(code) = framediff::isolate::worker_entry() {
        return code;
    }
    framediff::isolate::use_current_exe();
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
        None => match framediff::gui::run(cli.files) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("framediff: the window could not be opened: {e}");
                eprintln!(
                    "framediff: on Linux the window needs libEGL/libGL (Mesa), libxkbcommon-x11, libxcursor and libxi; `framediff compare` works without a display"
                );
                ExitCode::from(2)
            }
        },
    }
}

fn compare(
    files: &[PathBuf],
    format: ReportFormat,
    output: Option<PathBuf>,
    lexicons: Option<PathBuf>,
) -> ExitCode {
    let lexicons = match framediff::files::load_lexicons(lexicons.as_deref()) {
        Ok(l) => l,
        Err(e) => {
            eprintln!("framediff: {e}");
            return ExitCode::from(2);
        }
    };
    let (articles, failed) = framediff::files::read_articles(files);
    for e in &failed {
        eprintln!("framediff: skipped {e}");
    }
    if articles.is_empty() {
        eprintln!("framediff: no article could be read");
        return ExitCode::from(2);
    }
    let analysis = framediff::analyze(articles, &lexicons);
    let text = report::render(&analysis, format);
    match output.filter(|p| p.as_os_str() != "-") {
        Some(path) => {
            if let Err(e) = framediff::files::write_atomic(&path, text.as_bytes()) {
                eprintln!("framediff: cannot write {}: {e}", path.display());
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
