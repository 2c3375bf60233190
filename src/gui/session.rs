//! The session file: the window's workspace (every article body) kept between runs in
//! `session.framediff` in framediff's data folder, written atomically and only when it changed,
//! read back checked; a file that cannot be read is copied aside, never lost or overwritten.

use crate::files;
use crate::workspace::Workspace;
use std::hash::{Hash, Hasher};
use std::io::Write;
use std::path::{Path, PathBuf};

/// Name of the session file inside the data folder.
pub const FILE_NAME: &str = "session.framediff";

/// framediff's data folder: eframe's storage folder for the app, else
/// `$XDG_DATA_HOME/framediff` or `~/.local/share/framediff`.
pub fn default_dir() -> Option<PathBuf> {
    eframe::storage_dir("framediff").or_else(|| {
        std::env::var_os("XDG_DATA_HOME")
            .filter(|d| !d.is_empty())
            .map(PathBuf::from)
            .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".local/share")))
            .map(|d| d.join("framediff"))
    })
}

/// What was found in the session file at start.
pub enum Loaded {
    /// No session file (first run, or an older version that kept it in eframe's storage).
    Missing,
    /// The workspace and what was repaired in it.
    Read(Box<Workspace>, Vec<String>),
    /// The file could not be read; the message says why and where its copy is.
    Broken(String),
}

/// The session file of one window.
pub struct Session {
    dir: PathBuf,
    /// Hash of the workspace last written or read unchanged (nothing is written while equal).
    written: Option<u64>,
    /// A broken file could not be copied aside: it is never written over.
    keep_off: bool,
}

fn hash(json: &str) -> u64 {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    json.hash(&mut h);
    h.finish()
}

impl Session {
    /// A session kept in `dir` (created when first written).
    pub fn new(dir: PathBuf) -> Self {
        Session {
            dir,
            written: None,
            keep_off: false,
        }
    }

    /// The session file's path.
    pub fn path(&self) -> PathBuf {
        self.dir.join(FILE_NAME)
    }

    /// Reads the session file, checked (see [`files::read_workspace`]).
    pub fn load(&mut self) -> Loaded {
        let path = self.path();
        if std::fs::symlink_metadata(&path).is_err() {
            return Loaded::Missing;
        }
        match files::read_workspace(&path) {
            Ok((ws, repairs)) => {
                if repairs.is_empty() {
                    self.written = Some(hash(&ws.to_json()));
                } else if files::backup_copy(&path).is_err() {
                    // the repaired version is not written over the only copy of the original
                    self.keep_off = true;
                }
                Loaded::Read(Box::new(ws), repairs)
            }
            Err(e) => {
                let why = e.to_string();
                match self.copy_aside(&path) {
                    Ok(copy) => Loaded::Broken(format!(
                        "The last session could not be read ({why}); it was kept as {}",
                        copy.display()
                    )),
                    Err(c) => {
                        self.keep_off = true;
                        Loaded::Broken(format!(
                            "The last session could not be read ({why}), and no copy of it \
                             could be made ({c}); it is left as it is at {} and this session \
                             will not be saved over it",
                            path.display()
                        ))
                    }
                }
            }
        }
    }

    /// Copies the unreadable session file to a new `session-broken-<time>.framediff` beside it
    /// (created new: nothing is overwritten).
    fn copy_aside(&self, path: &Path) -> std::io::Result<PathBuf> {
        let meta = std::fs::symlink_metadata(path)?;
        if !meta.file_type().is_file() {
            return Err(std::io::Error::other("it is not a regular file"));
        }
        if meta.len() > files::MAX_WORKSPACE_BYTES {
            return Err(std::io::Error::other("it is too large"));
        }
        let bytes = std::fs::read(path)?;
        let secs = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs());
        for n in 0..1000 {
            let name = if n == 0 {
                format!("session-broken-{secs}.framediff")
            } else {
                format!("session-broken-{secs}-{n}.framediff")
            };
            let copy = self.dir.join(name);
            match std::fs::OpenOptions::new()
                .write(true)
                .create_new(true)
                .open(&copy)
            {
                Ok(mut f) => {
                    f.write_all(&bytes)?;
                    f.sync_all()?;
                    return Ok(copy);
                }
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
                Err(e) => return Err(e),
            }
        }
        Err(std::io::Error::other("too many copies exist already"))
    }

    /// Writes `ws` to the session file if it changed since the last write. Returns whether it
    /// wrote.
    pub fn save(&mut self, ws: &Workspace) -> Result<bool, String> {
        if self.keep_off {
            return Ok(false);
        }
        let json = ws.to_json();
        let h = hash(&json);
        if self.written == Some(h) {
            return Ok(false);
        }
        std::fs::create_dir_all(&self.dir).map_err(|e| format!("{}: {e}", self.dir.display()))?;
        files::write_atomic(&self.path(), json.as_bytes()).map_err(|e| e.to_string())?;
        self.written = Some(h);
        Ok(true)
    }
}
