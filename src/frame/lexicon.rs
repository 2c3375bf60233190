//! Framing lexicons: user-editable data files in `assets/lexicons/`, parsed here (the core does
//! no I/O: callers hand over file names and contents; the built-in copies are compiled in).

use crate::error::LexiconError;

/// All lexicons the framing analysis uses.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Lexicons {}

impl Lexicons {
    /// The lexicons shipped with framediff (compiled in from `assets/lexicons/`).
    pub fn builtin() -> Lexicons {
        Lexicons::default()
    }

    /// Parses lexicon files given as (file name, contents).
    pub fn from_sources(_sources: &[(String, String)]) -> Result<Lexicons, LexiconError> {
        Ok(Lexicons::default())
    }
}
