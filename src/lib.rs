//! framediff: compare how news articles frame one story.
//!
//! The analysis core (`ingest`, `text`, `align`, `frame`, `report`, `analysis`) has no GUI
//! dependency and does no I/O beyond the bytes it is handed; `files` reads paths for the CLI and
//! the GUI (parsing each file in an isolated worker, see `isolate`); `gui` draws state and sends commands; `eval` measures quality on annotated data.

pub mod align;
pub mod analysis;
pub mod error;
pub mod eval;
pub mod files;
pub mod frame;
pub mod gui;
pub mod ingest;
pub mod isolate;
pub mod model;
pub mod report;
pub mod samples;
pub mod text;
pub mod workspace;

pub use analysis::{Analysis, analyze};
pub use error::{IngestError, IngestProblem, LexiconError, WorkspaceError, WriteError};
pub use model::{Article, ArticleId, Format, Removed, RemovedKind, Sentence};
