//! Reading articles and lexicons from the file system for the CLI and the GUI, and writing
//! results safely. Folders are expanded without following symlink loops; only regular files are
//! read, and the byte limit is enforced while reading; each article is parsed in an isolated
//! worker when one is available (see `crate::isolate`), so one bad file never stops the others.
//! Writes go through a fresh, unpredictable temporary file beside the target and a rename.

use crate::config::Config;
use crate::error::{IngestError, IngestProblem, LexiconError, WorkspaceError, WriteError};
use crate::ingest::MAX_BYTES;
use crate::model::Article;
use crate::workspace::Workspace;
use std::collections::HashSet;
use std::io::{Read, Write};
use std::os::unix::fs::{FileTypeExt, OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};

/// File extensions picked up when a folder is opened.
pub const ARTICLE_EXTENSIONS: &[&str] = &[
    "txt", "text", "md", "markdown", "html", "htm", "xhtml", "pdf",
];

/// Expands folders (recursively, sorted by name) into the article files they hold; files are
/// kept as given whatever their extension (unknown ones are sniffed). A folder reached twice
/// (through a symlink loop such as `self -> .`) is walked once, and a file reached twice is kept
/// once.
pub fn expand_paths(paths: &[PathBuf]) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut seen_dirs = HashSet::new();
    let mut seen_files = HashSet::new();
    for p in paths {
        if p.is_dir() {
            let mut found = Vec::new();
            collect_dir(p, &mut found, 0, &mut seen_dirs, &mut seen_files);
            found.sort();
            out.extend(found);
        } else {
            out.push(p.clone());
        }
    }
    out
}

fn collect_dir(
    dir: &Path,
    out: &mut Vec<PathBuf>,
    depth: usize,
    seen_dirs: &mut HashSet<PathBuf>,
    seen_files: &mut HashSet<PathBuf>,
) {
    let Ok(canonical) = std::fs::canonicalize(dir) else {
        return;
    };
    if !seen_dirs.insert(canonical) {
        return;
    }
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
                collect_dir(&path, out, depth + 1, seen_dirs, seen_files);
            }
        } else if path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| ARTICLE_EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
        {
            let key = std::fs::canonicalize(&path).unwrap_or_else(|_| path.clone());
            if seen_files.insert(key) {
                out.push(path);
            }
        }
    }
}

/// What kind of special file a file type is, in plain words; None for regular files.
fn special_kind(ft: &std::fs::FileType) -> Option<&'static str> {
    if ft.is_file() {
        None
    } else if ft.is_dir() {
        Some("a folder")
    } else if ft.is_fifo() {
        Some("a named pipe (FIFO)")
    } else if ft.is_socket() {
        Some("a socket")
    } else if ft.is_char_device() {
        Some("a character device")
    } else if ft.is_block_device() {
        Some("a block device")
    } else if ft.is_symlink() {
        Some("a symbolic link")
    } else {
        Some("a special file")
    }
}

/// Reads the bytes of one article file: symlinks are resolved, but only a regular file is read
/// (devices, FIFOs and sockets are refused without blocking), and at most `MAX_BYTES` are
/// accepted, counted while reading (a file that grows, or lies about its size, is cut off).
pub fn read_bytes(path: &Path) -> Result<Vec<u8>, IngestError> {
    read_bytes_limited(path, MAX_BYTES)
}

fn read_bytes_limited(path: &Path, limit: u64) -> Result<Vec<u8>, IngestError> {
    let shown = path.display().to_string();
    let err = |problem| IngestError::new(&shown, problem);
    let unreadable = |e: std::io::Error| err(IngestProblem::Unreadable(e.to_string()));
    let too_large = |size| err(IngestProblem::TooLarge { size, limit });
    // First look without opening: opening a FIFO or some devices blocks or has side effects.
    let meta = std::fs::metadata(path).map_err(unreadable)?;
    if let Some(kind) = special_kind(&meta.file_type()) {
        return Err(err(IngestProblem::NotRegularFile(kind.into())));
    }
    if meta.len() > limit {
        return Err(too_large(meta.len()));
    }
    // The file may have been swapped since: open without blocking and check what was opened.
    let file = std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY)
        .open(path)
        .map_err(unreadable)?;
    let meta = file.metadata().map_err(unreadable)?;
    if let Some(kind) = special_kind(&meta.file_type()) {
        return Err(err(IngestProblem::NotRegularFile(kind.into())));
    }
    let mut bytes = Vec::with_capacity(meta.len().min(limit) as usize);
    file.take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(unreadable)?;
    if bytes.len() as u64 > limit {
        return Err(too_large(meta.len().max(bytes.len() as u64)));
    }
    Ok(bytes)
}

/// Reads one article file: the bytes here, the parsing in an isolated worker when the running
/// program offers one (see `crate::isolate`), else in this process. The path is echoed as given.
pub fn read_article(path: &Path) -> Result<Article, IngestError> {
    let bytes = read_bytes(path)?;
    crate::isolate::ingest(&path.display().to_string(), &bytes)
}

/// Reads every article under the given paths; failures are returned beside the successes.
/// Files are read in parallel (a few at a time); each has its own time limit, so one bad file
/// never holds up the others. The input order is kept.
pub fn read_articles(paths: &[PathBuf]) -> (Vec<Article>, Vec<IngestError>) {
    read_articles_with(paths, |_, _| {})
}

/// Like [`read_articles`], and calls `on_each(file, result)` as soon as each file is done (in
/// completion order, from worker threads), so a window can show good files while a bad one is
/// still running into its time limit.
pub fn read_articles_with(
    paths: &[PathBuf],
    on_each: impl Fn(&Path, &Result<Article, IngestError>) + Sync,
) -> (Vec<Article>, Vec<IngestError>) {
    let files = expand_paths(paths);
    let results = parallel_map(&files, |p| {
        let r = read_article(p);
        on_each(p, &r);
        r
    });
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

/// Maps `f` over `items` on a few threads, keeping the order.
fn parallel_map<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let threads = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(2)
        .clamp(2, 4)
        .min(items.len().max(1));
    let next = std::sync::atomic::AtomicUsize::new(0);
    let slots: Vec<std::sync::Mutex<Option<R>>> =
        items.iter().map(|_| std::sync::Mutex::new(None)).collect();
    std::thread::scope(|scope| {
        for _ in 0..threads {
            scope.spawn(|| {
                loop {
                    let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                    let Some(item) = items.get(i) else { break };
                    let r = f(item);
                    if let Ok(mut slot) = slots[i].lock() {
                        *slot = Some(r);
                    }
                }
            });
        }
    });
    slots
        .into_iter()
        .filter_map(|m| m.into_inner().ok().flatten())
        .collect()
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
        let bytes = read_bytes(&p).map_err(|e| LexiconError {
            file: p.display().to_string(),
            line: 0,
            message: e.problem.to_string(),
        })?;
        let text = String::from_utf8(bytes).map_err(|e| LexiconError {
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

/// Largest workspace file framediff opens (it holds the article bodies).
pub const MAX_WORKSPACE_BYTES: u64 = 256 * 1024 * 1024;

/// Opens a workspace file: only a regular file, at most [`MAX_WORKSPACE_BYTES`], parsed,
/// version-checked and repaired (see [`Workspace::from_json_checked`]). Returns the workspace and
/// the repairs made; when there are repairs, call [`backup_copy`] before saving over the file.
pub fn read_workspace(path: &Path) -> Result<(Workspace, Vec<String>), WorkspaceError> {
    let shown = path.display().to_string();
    let bytes =
        read_bytes_limited(path, MAX_WORKSPACE_BYTES).map_err(|e| WorkspaceError::Read {
            path: shown.clone(),
            message: e.problem.to_string(),
        })?;
    let text = String::from_utf8(bytes).map_err(|e| {
        if crate::workspace::looks_like_workspace_name(&shown) {
            WorkspaceError::Corrupt {
                path: shown.clone(),
                message: format!("it is not UTF-8 text ({e})"),
            }
        } else {
            WorkspaceError::NotWorkspace {
                path: shown.clone(),
            }
        }
    })?;
    Workspace::from_json_checked(&shown, &text)
}

/// Whether `path` names a workspace rather than an article: a `.framediff` file, or a `.json`
/// file whose contents are a workspace (see [`crate::workspace::classify`]). Used to open
/// `framediff FILE.framediff` as a workspace.
pub fn is_workspace_file(path: &Path) -> bool {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    match ext.as_deref() {
        Some(crate::workspace::EXTENSION) => true,
        Some("json") => read_bytes_limited(path, MAX_WORKSPACE_BYTES)
            .ok()
            .and_then(|b| String::from_utf8(b).ok())
            .is_some_and(|t| {
                crate::workspace::classify(&t) == crate::workspace::FileKind::Workspace
            }),
        _ => false,
    }
}

/// Why saving a workspace to `path` would replace something that is not a workspace, if it
/// would: None when nothing is there, it is empty, or it is a workspace.
pub fn not_a_workspace(path: &Path) -> Option<String> {
    use crate::workspace::{FileKind, classify};
    let meta = std::fs::symlink_metadata(path).ok()?;
    if !meta.file_type().is_file() {
        return None; // write_atomic refuses links and special files with its own reason
    }
    let shown = path.display().to_string();
    let text = match read_bytes_limited(path, MAX_WORKSPACE_BYTES) {
        Ok(b) => String::from_utf8(b).ok(),
        Err(_) => None,
    };
    let kind = text.as_deref().map_or(FileKind::NotJson, classify);
    match kind {
        FileKind::Workspace => None,
        FileKind::NotJson if text.is_some() && meta.len() == 0 => None,
        FileKind::ComparisonExport => {
            Some(format!("{shown} is a comparison export, not a workspace"))
        }
        FileKind::NotJson | FileKind::OtherJson => {
            Some(format!("{shown} is not a framediff workspace"))
        }
    }
}

/// Keeps a copy of `path` beside it as `NAME.bak` (or `NAME.1.bak`, … if that exists), so a
/// repaired or refused file is never silently lost. Returns the copy's path.
pub fn backup_copy(path: &Path) -> Result<PathBuf, WriteError> {
    let bytes = read_bytes_limited(path, MAX_WORKSPACE_BYTES).map_err(|e| WriteError::Io {
        path: path.display().to_string(),
        source: std::io::Error::other(e.problem.to_string()),
    })?;
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("file");
    for n in 0..1000 {
        let candidate = if n == 0 {
            path.with_file_name(format!("{name}.bak"))
        } else {
            path.with_file_name(format!("{name}.{n}.bak"))
        };
        if std::fs::symlink_metadata(&candidate).is_err() {
            write_atomic(&candidate, &bytes)?;
            return Ok(candidate);
        }
    }
    Err(WriteError::Io {
        path: path.display().to_string(),
        source: std::io::Error::other("too many backups exist already"),
    })
}

/// Writes `contents` to `path` atomically: a new temporary file beside it (random name, created
/// with O_EXCL|O_NOFOLLOW so a planted file or symlink cannot redirect it), synced, then renamed
/// over the target. An existing target keeps its permission bits; a symlink, FIFO, device,
/// socket or folder at `path` is refused, never replaced.
pub fn write_atomic(path: &Path, contents: &[u8]) -> Result<(), WriteError> {
    let shown = path.display().to_string();
    let io = |source: std::io::Error| WriteError::Io {
        path: shown.clone(),
        source,
    };
    let mode = match std::fs::symlink_metadata(path) {
        Ok(meta) => {
            let ft = meta.file_type();
            if ft.is_symlink() {
                return Err(WriteError::Symlink { path: shown });
            }
            if let Some(kind) = special_kind(&ft) {
                return Err(WriteError::NotRegular { path: shown, kind });
            }
            Some(meta.permissions().mode() & 0o7777)
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => return Err(io(e)),
    };
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("out");
    let tmp = tempfile::Builder::new()
        .prefix(&format!(".{name}."))
        .suffix(".tmp")
        .rand_bytes(12)
        .make_in(dir, |p| {
            std::fs::OpenOptions::new()
                .write(true)
                .create_new(true)
                .mode(0o666)
                .custom_flags(libc::O_NOFOLLOW)
                .open(p)
        })
        .map_err(io)?;
    let mut file = tmp.as_file();
    if let Some(mode) = mode {
        file.set_permissions(std::fs::Permissions::from_mode(mode))
            .map_err(io)?;
    }
    file.write_all(contents).map_err(io)?;
    file.sync_all().map_err(io)?;
    // On failure the temporary file is removed when `tmp` is dropped.
    tmp.persist(path).map_err(|e| io(e.error))?;
    if let Ok(d) = std::fs::File::open(dir) {
        let _ = d.sync_all();
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn workspace_paths_are_told_from_articles_and_exports() {
        let dir = tempfile::tempdir().unwrap();
        let at = |name: &str, text: &str| {
            let p = dir.path().join(name);
            std::fs::write(&p, text).unwrap();
            p
        };
        let ws = Workspace::default().to_json();
        // `framediff mine.framediff` opens a workspace, whatever is in it (a bad one is
        // refused with its reason when opened)
        assert!(is_workspace_file(&at("mine.framediff", &ws)));
        assert!(is_workspace_file(&at("Broken.FRAMEDIFF", "{ trunc")));
        assert!(is_workspace_file(&at("old.json", &ws)));
        let export = r#"{"articles": [], "topics": [], "differences": []}"#;
        assert!(!is_workspace_file(&at("comparison.json", export)));
        assert!(!is_workspace_file(&at("story.md", "# Title\n\nText.")));
        assert!(!is_workspace_file(&dir.path().join("missing.json")));

        // saving over: asks for anything but a workspace, an empty file or nothing
        assert_eq!(not_a_workspace(&dir.path().join("mine.framediff")), None);
        assert_eq!(not_a_workspace(&dir.path().join("new.framediff")), None);
        assert_eq!(not_a_workspace(&at("empty.framediff", "")), None);
        let why = not_a_workspace(&dir.path().join("comparison.json")).unwrap();
        assert!(why.ends_with("comparison.json is a comparison export, not a workspace"));
        let why = not_a_workspace(&dir.path().join("story.md")).unwrap();
        assert!(why.ends_with("story.md is not a framediff workspace"));
        assert!(not_a_workspace(&dir.path().join("Broken.FRAMEDIFF")).is_some());
    }
}
