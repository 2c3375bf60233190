//! Typed errors of the core. Each says in plain words what went wrong and with which input.

use serde::{Deserialize, Serialize};
use thiserror::Error;

/// What went wrong reading one article.
#[derive(Debug, Error, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum IngestProblem {
    #[error("the file is empty")]
    Empty,
    #[error("this looks like a binary file ({0}), not an article")]
    Binary(String),
    #[error("the file is {size} bytes; framediff reads articles up to {limit} bytes (20 MB)")]
    TooLarge { size: u64, limit: u64 },
    #[error("the file cannot be read: {0}")]
    Unreadable(String),
    #[error(
        "the bytes are not text in any encoding framediff knows (UTF-8, UTF-16, Windows-1252, Latin-1)"
    )]
    Undecodable,
    #[error("the HTML page has no readable article text ({0})")]
    Html(String),
    #[error("the PDF could not be read: {0}")]
    Pdf(String),
    #[error("the front matter is not valid YAML: {0}")]
    FrontMatter(String),
    #[error("no article text was found after setting aside page boilerplate")]
    NoText,
    #[error("it is not a regular file ({0}); framediff only reads regular files")]
    NotRegularFile(String),
    #[error("the {what} could not be read in {secs} s")]
    TimedOut { what: String, secs: u64 },
    #[error("reading the {what} needed more than {limit_mb} MB of memory")]
    OutOfMemory { what: String, limit_mb: u64 },
    #[error("the {what} stopped the reader ({detail}); the other files are not affected")]
    Crashed { what: String, detail: String },
}

/// An article that could not be read, with where it came from.
#[derive(Debug, Error, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[error("{path}: {problem}")]
pub struct IngestError {
    pub path: String,
    pub problem: IngestProblem,
}

impl IngestError {
    pub fn new(path: impl Into<String>, problem: IngestProblem) -> Self {
        IngestError {
            path: path.into(),
            problem,
        }
    }
}

/// A lexicon file that could not be used.
#[derive(Debug, Error, Clone, PartialEq, Eq)]
#[error("lexicon {file}, line {line}: {message}")]
pub struct LexiconError {
    pub file: String,
    pub line: usize,
    pub message: String,
}

/// A workspace file that could not be read or written.
#[derive(Debug, Error)]
pub enum WorkspaceError {
    #[error("the workspace file {path} cannot be read: {message}")]
    Read { path: String, message: String },
    #[error("the workspace file {path} is not a valid framediff workspace: {message}")]
    Corrupt { path: String, message: String },
    #[error("{path} is a comparison export, not a workspace; add its articles instead")]
    Export { path: String },
    #[error("{path} is not a framediff workspace")]
    NotWorkspace { path: String },
    #[error("the workspace cannot be written to {path}: {message}")]
    Write { path: String, message: String },
    #[error(
        "the workspace file {path} has version {found}; this framediff reads versions 1 to {known}"
    )]
    Version {
        path: String,
        found: u32,
        known: u32,
    },
}

/// A file that could not be written safely (see `files::write_atomic`).
#[derive(Debug, Error)]
pub enum WriteError {
    #[error("{path} is a symbolic link; framediff does not write through links")]
    Symlink { path: String },
    #[error("{path} is {kind}, not a regular file; framediff does not replace it")]
    NotRegular { path: String, kind: &'static str },
    #[error("{path}: {source}")]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },
}

/// An article that could not be fetched from its address.
#[derive(Debug, Error, Clone, PartialEq, Eq)]
pub enum FetchError {
    #[error("{url} is not a web address framediff can open ({reason})")]
    BadUrl { url: String, reason: String },
    #[error("the host of {url} could not be found (DNS)")]
    Dns { url: String },
    #[error("{url} could not be reached: {message}")]
    Connect { url: String, message: String },
    #[error("the secure connection to {url} failed (TLS): {message}")]
    Tls { url: String, message: String },
    #[error("{url} did not answer within {seconds} s")]
    Timeout { url: String, seconds: u64 },
    #[error("{url} redirects more than {limit} times")]
    TooManyRedirects { url: String, limit: u32 },
    #[error("the server answered HTTP {status} for {url}")]
    Status { url: String, status: u16 },
    #[error("{url} is larger than {limit} bytes (the limit for one article)")]
    TooLarge { url: String, limit: u64 },
    #[error("{url} is not an article: its content type is {content_type}")]
    Unsupported { url: String, content_type: String },
    #[error("{url} was fetched but could not be read as an article: {problem}")]
    NotAnArticle { url: String, problem: IngestProblem },
    #[error("{url} could not be fetched: {message}")]
    Network { url: String, message: String },
}
