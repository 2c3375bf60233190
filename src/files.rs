//! Reading articles and lexicons from the file system for the CLI and the GUI: folders are
//! expanded, sizes are checked before reading, and one bad file never stops the others.

use crate::config::Config;
use crate::error::{IngestError, IngestProblem, LexiconError};
use crate::ingest::{self, MAX_BYTES};
use crate::model::Article;
use std::path::{Path, PathBuf};

/// File extensions picked up when a folder is opened.
pub const ARTICLE_EXTENSIONS: &[&str] = &[
    "txt", "text", "md", "markdown", "html", "htm", "xhtml", "pdf",
];

/// Expands folders (recursively, sorted by name) into the article files they hold; files are
/// kept as given whatever their extension (unknown ones are sniffed).
pub fn expand_paths(paths: &[PathBuf]) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for p in paths {
        if p.is_dir() {
            let mut found = Vec::new();
            collect_dir(p, &mut found, 0);
            found.sort();
            out.extend(found);
        } else {
            out.push(p.clone());
        }
    }
    out
}

fn collect_dir(dir: &Path, out: &mut Vec<PathBuf>, depth: usize) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let hidden = path
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.starts_with('.'));
        if hidden {
            continue;
        }
        if path.is_dir() {
            if depth < 4 {
                collect_dir(&path, out, depth + 1);
            }
        } else if path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| ARTICLE_EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
        {
            out.push(path);
        }
    }
}

/// Reads one article file. The path is echoed as given.
pub fn read_article(path: &Path) -> Result<Article, IngestError> {
    let shown = path.display().to_string();
    let unreadable =
        |e: std::io::Error| IngestError::new(&shown, IngestProblem::Unreadable(e.to_string()));
    let meta = std::fs::metadata(path).map_err(unreadable)?;
    if meta.is_dir() {
        return Err(IngestError::new(
            &shown,
            IngestProblem::Unreadable("it is a folder".into()),
        ));
    }
    if meta.len() > MAX_BYTES {
        return Err(IngestError::new(
            &shown,
            IngestProblem::TooLarge {
                size: meta.len(),
                limit: MAX_BYTES,
            },
        ));
    }
    let bytes = std::fs::read(path).map_err(unreadable)?;
    ingest::ingest(&shown, &bytes)
}

/// Reads every article under the given paths (in parallel, results in path order); failures are
/// returned beside the successes.
pub fn read_articles(paths: &[PathBuf]) -> (Vec<Article>, Vec<IngestError>) {
    use rayon::prelude::*;
    let results: Vec<Result<Article, IngestError>> = expand_paths(paths)
        .par_iter()
        .map(|p| read_article(p))
        .collect();
    let mut ok = Vec::new();
    let mut failed = Vec::new();
    for r in results {
        match r {
            Ok(a) => ok.push(a),
            Err(e) => failed.push(e),
        }
    }
    (ok, failed)
}

/// The analysis configuration: the built-in lexicons and paraphrase groups, overlaid by the
/// lexicon files of `dir` when given (see [`Config::with_user_files`]).
pub fn load_config(dir: Option<&Path>) -> Result<Config, LexiconError> {
    let Some(dir) = dir else {
        return Ok(Config::builtin());
    };
    let mut sources = Vec::new();
    let entries = std::fs::read_dir(dir).map_err(|e| LexiconError {
        file: dir.display().to_string(),
        line: 0,
        message: format!("the folder cannot be read: {e}"),
    })?;
    let mut paths: Vec<PathBuf> = entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.is_file())
        .collect();
    paths.sort();
    for p in paths {
        let text = std::fs::read_to_string(&p).map_err(|e| LexiconError {
            file: p.display().to_string(),
            line: 0,
            message: format!("the file cannot be read as UTF-8 text: {e}"),
        })?;
        let name = p
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default()
            .to_string();
        sources.push((name, text));
    }
    Config::with_user_files(&sources)
}

/// Writes `contents` to `path` atomically: a temporary file beside it, then a rename.
pub fn write_atomic(path: &Path, contents: &[u8]) -> std::io::Result<()> {
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("out");
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let result = (|| {
        use std::io::Write;
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(contents)?;
        f.sync_all()?;
        std::fs::rename(&tmp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}
