//! framediff: compare how news articles frame one story.
//!
//! The analysis core (`ingest`, `text`, `align`, `frame`, `report`, `analysis`) has no GUI
//! dependency and does no I/O beyond the bytes it is handed; `files` reads paths (parsing risky
//! files in an isolated worker, see `isolate`) and `fetch` web addresses for the CLI and the GUI;
//! `gui` (behind the default `gui` feature) draws state and sends commands; `eval` measures
//! quality on annotated data.

pub mod align;
pub mod analysis;
pub mod config;
pub mod edits;
pub mod error;
pub mod eval;
pub mod fetch;
pub mod files;
pub mod frame;
#[cfg(feature = "gui")]
pub mod gui;
pub mod ingest;
pub mod isolate;
pub mod model;
pub mod report;
pub mod samples;
pub mod text;
pub mod workspace;

pub use analysis::{Analysis, analyze};
pub use config::Config;
pub use error::{FetchError, IngestError, IngestProblem, LexiconError, WorkspaceError, WriteError};
pub use model::{Article, ArticleId, Format, Note, NoteTarget, Removed, RemovedKind, Sentence};
