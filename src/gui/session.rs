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

/// `secs` since 1970 as a UTC time usable in a file name: `YYYY-MM-DDTHH-MM-SSZ`.
fn utc_stamp(secs: u64) -> String {
    let days = secs / 86_400;
    let rest = secs % 86_400;
    // civil date from a day count (proleptic Gregorian calendar, eras of 400 years)
    let z = days + 719_468;
    let era = z / 146_097;
    let doe = z % 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + u64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}-{:02}-{:02}Z",
        rest / 3600,
        rest / 60 % 60,
        rest % 60
    )
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
            Ok((ws, mut repairs)) => {
                if repairs.is_empty() {
                    self.written = Some(hash(&ws.to_json()));
                } else if let Err(e) = files::backup_copy(&path) {
                    // the repaired version is not written over the only copy of the original
                    self.keep_off = true;
                    repairs.push(format!(
                        "no copy of the original could be made ({e}), so this session will \
                         not be saved over it"
                    ));
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
        let time = utc_stamp(secs);
        for n in 0..1000 {
            let name = if n == 0 {
                format!("session-broken-{time}.framediff")
            } else {
                format!("session-broken-{time}-{n}.framediff")
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stamps_are_utc_dates() {
        assert_eq!(utc_stamp(0), "1970-01-01T00-00-00Z");
        assert_eq!(utc_stamp(951_782_400), "2000-02-29T00-00-00Z");
        assert_eq!(utc_stamp(1_795_620_630), "2026-11-25T15-30-30Z");
    }

    #[test]
    fn only_a_changed_workspace_is_written() {
        let dir = tempfile::tempdir().unwrap();
        let mut s = Session::new(dir.path().join("data"));
        assert!(matches!(s.load(), Loaded::Missing));
        let mut ws = Workspace::default();
        assert_eq!(s.save(&ws), Ok(true));
        assert_eq!(s.save(&ws), Ok(false));
        ws.settings.zoom = 2.0;
        assert_eq!(s.save(&ws), Ok(true));
        let mut again = Session::new(dir.path().join("data"));
        assert!(matches!(again.load(), Loaded::Read(w, r) if *w == ws && r.is_empty()));
        assert_eq!(
            again.save(&ws),
            Ok(false),
            "read unchanged: not written again"
        );
    }

    #[test]
    fn a_session_that_cannot_be_copied_aside_is_never_written_over() {
        // a folder where the file should be: unreadable, and no copy of it can be made
        let dir = tempfile::tempdir().unwrap();
        let mut s = Session::new(dir.path().to_path_buf());
        std::fs::create_dir(s.path()).unwrap();
        let Loaded::Broken(message) = s.load() else {
            panic!("not reported as broken");
        };
        assert!(message.starts_with("The last session could not be read ("));
        assert!(message.contains("will not be saved over it"), "{message}");
        assert_eq!(s.save(&Workspace::default()), Ok(false));
        assert!(s.path().is_dir());
    }
}
