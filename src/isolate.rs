//! Isolation of article parsing: a risky file's bytes (a PDF, or any large file) are parsed
//! in a worker subprocess (the
//! `framediff` binary run again with the hidden argument [`WORKER_ARG`]) under a wall-time limit
//! and an address-space limit, so that a crash (stack overflow, abort), a hang or a memory
//! blow-up in a parser becomes a typed error for that file while the others go on.
//!
//! The bytes go to the worker on its standard input and the result (the article or the ingest
//! error) comes back as JSON on its standard output. A program opts in by calling
//! [`worker_entry`] first thing in `main` and [`use_current_exe`] afterwards; test binaries and
//! other embedders that cannot run the worker fall back to parsing in-process (panics are still
//! caught there, and the PDF reader has in-process guards of its own).

use crate::error::{IngestError, IngestProblem};
use crate::ingest::{self, MAX_BYTES};
use crate::model::{Article, Format};
use std::io::{Read, Write};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

/// The hidden first argument that turns the `framediff` binary into a parsing worker.
pub const WORKER_ARG: &str = "__ingest-worker";

/// Wall-time limit for one file.
pub const TIME_LIMIT: Duration = Duration::from_secs(10);

/// Address-space limit of a worker (1 GiB).
pub const MEMORY_LIMIT: u64 = 1 << 30;

/// Largest answer accepted from a worker (the article JSON of a 20 MB file is well below).
const MAX_ANSWER: u64 = 512 << 20;

static WORKER_EXE: OnceLock<PathBuf> = OnceLock::new();

/// What a worker sends back: a small file parsed (the caller cleans it) or a large one read whole.
#[derive(Debug, serde::Serialize, serde::Deserialize)]
enum Answer {
    Parsed(Box<ingest::Parsed>),
    Article(Box<Article>),
}

/// Limits applied to one worker.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Wall time from start to answer.
    pub time: Duration,
    /// Address-space limit (RLIMIT_AS) in bytes.
    pub memory: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            time: TIME_LIMIT,
            memory: MEMORY_LIMIT,
        }
    }
}

/// How one isolated read went.
#[derive(Debug)]
pub struct Outcome {
    pub result: Result<Article, IngestError>,
    /// Wall time from spawning the worker to reaping it.
    pub elapsed: Duration,
    /// Peak resident memory of the worker in KiB (from `wait4`), when a worker ran.
    pub peak_rss_kib: Option<u64>,
}

/// If this process was started as a worker, does the work and returns the exit code; `main`
/// returns it at once. Otherwise returns None.
pub fn worker_entry() -> Option<ExitCode> {
    let mut args = std::env::args_os().skip(1);
    if args.next().as_deref() != Some(WORKER_ARG.as_ref()) {
        return None;
    }
    let path = args
        .next()
        .map(|p| p.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut bytes = Vec::new();
    if let Err(e) = std::io::stdin()
        .lock()
        .take(MAX_BYTES + 1)
        .read_to_end(&mut bytes)
    {
        // a buffer that cannot grow under the address-space limit is an error here, not an
        // abort: say so in the words the caller reads as running out of memory
        if e.kind() == std::io::ErrorKind::OutOfMemory {
            eprintln!("framediff worker: out of memory reading the file");
        }
        return Some(ExitCode::from(3));
    }
    // A small file (a PDF) gets only its foreign parser run here and the page cleaner runs in the
    // caller, whose patterns are compiled already (a worker's start costs less); a large file
    // is read whole here, under the limits.
    let result: Result<Answer, IngestError> = if bytes.len() > IN_PROCESS_BYTES {
        ingest_in_process(&path, &bytes).map(|a| Answer::Article(Box::new(a)))
    } else {
        parse_in_process(&path, &bytes).map(|p| Answer::Parsed(Box::new(p)))
    };
    let Ok(json) = serde_json::to_vec(&result) else {
        return Some(ExitCode::from(3));
    };
    let mut out = std::io::stdout().lock();
    if out.write_all(&json).and_then(|()| out.flush()).is_err() {
        return Some(ExitCode::from(3));
    }
    Some(ExitCode::SUCCESS)
}

/// Makes the running executable the worker (call after [`worker_entry`] returned None, only in
/// a binary whose `main` calls [`worker_entry`]).
pub fn use_current_exe() {
    if let Ok(exe) = std::env::current_exe() {
        let _ = WORKER_EXE.set(exe);
    }
}

/// Makes `exe` the worker, e.g. `env!("CARGO_BIN_EXE_framediff")` in an integration test.
/// Returns false if a worker was already set.
pub fn use_worker(exe: impl Into<PathBuf>) -> bool {
    WORKER_EXE.set(exe.into()).is_ok()
}

/// The worker executable in use, if any.
pub fn worker_exe() -> Option<&'static Path> {
    WORKER_EXE.get().map(PathBuf::as_path)
}

/// Text, Markdown and HTML up to this size are read in-process, where a worker process (its
/// start alone is a fifth of the time to compare the four samples) would cost more than reading
/// them. Their readers are Rust code with no native parser: a panic is caught and becomes a
/// typed error; the one way they could recurse out of stack, an HTML page nested deeper than
/// the main-text finder takes, is read as plain text after a linear look at its nesting
/// (`ingest::html::MAX_DEPTH`); and at this size time and memory stay small. Real web pages are
/// mostly larger and go to a worker.
pub const IN_PROCESS_BYTES: usize = 64 * 1024;

/// Whether a file needs a worker: PDFs (a parser over untrusted structure with cycles and
/// compressed streams), and any file larger than [`IN_PROCESS_BYTES`].
pub fn needs_worker(path: &str, bytes: &[u8]) -> bool {
    bytes.len() > IN_PROCESS_BYTES || matches!(ingest::sniff(path, bytes), Format::Pdf)
}

/// Reads one article from its bytes: a risky file (see [`needs_worker`]) in a worker when one is
/// set up (and its executable is still there, e.g. not replaced by an upgrade while running),
/// everything else in-process.
pub fn ingest(path: &str, bytes: &[u8]) -> Result<Article, IngestError> {
    match worker_exe().filter(|exe| needs_worker(path, bytes) && exe.is_file()) {
        Some(exe) => run_worker(exe, path, bytes, Limits::default()).result,
        None => ingest_in_process(path, bytes),
    }
}

/// Runs a reading step, turning a panic into a typed error about the file (`what` it is).
fn caught<T>(
    path: &str,
    what: &str,
    step: impl FnOnce() -> Result<T, IngestError> + std::panic::UnwindSafe,
) -> Result<T, IngestError> {
    std::panic::catch_unwind(step).unwrap_or_else(|_| {
        Err(IngestError::new(
            path,
            IngestProblem::Crashed {
                what: what.into(),
                detail: "an internal error".into(),
            },
        ))
    })
}

/// The reader's part of [`ingest_in_process`] (what a worker does), turning a panic into a
/// typed error.
fn parse_in_process(path: &str, bytes: &[u8]) -> Result<ingest::Parsed, IngestError> {
    caught(path, describe(path, bytes), || ingest::parse(path, bytes))
}

/// The cleaner's part, after a worker's parse, turning a panic into a typed error.
fn finish_in_process(
    path: &str,
    what: &str,
    parsed: ingest::Parsed,
) -> Result<Article, IngestError> {
    caught(path, what, || ingest::finish(path, parsed))
}

/// Reads one article in this process, turning a panic into a typed error.
pub fn ingest_in_process(path: &str, bytes: &[u8]) -> Result<Article, IngestError> {
    caught(path, describe(path, bytes), || ingest::ingest(path, bytes))
}

/// What kind of file this is, for messages ("the PDF could not be read in 10 s").
fn describe(path: &str, bytes: &[u8]) -> &'static str {
    match ingest::sniff(path, bytes) {
        Format::Pdf => "PDF",
        Format::Html => "HTML page",
        Format::Markdown => "Markdown file",
        Format::Text | Format::Pasted => "text file",
    }
}

/// Parses `bytes` in a worker process `exe` under `limits`.
pub fn run_worker(exe: &Path, path: &str, bytes: &[u8], limits: Limits) -> Outcome {
    let what = describe(path, bytes);
    let fail = |problem| Err(IngestError::new(path, problem));
    let start = Instant::now();
    let mut cmd = Command::new(exe);
    cmd.arg(WORKER_ARG)
        .arg(path)
        .env("RUST_BACKTRACE", "0")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let memory = limits.memory;
    let cpu = limits.time.as_secs() + 2;
    // SAFETY: only async-signal-safe calls (setrlimit) run between fork and exec.
    unsafe {
        cmd.pre_exec(move || {
            set_limit(libc::RLIMIT_AS, memory, memory)?;
            set_limit(libc::RLIMIT_CORE, 0, 0)?;
            set_limit(libc::RLIMIT_CPU, cpu, cpu + 3)?;
            Ok(())
        });
    }
    let mut child = match cmd.spawn() {
        Ok(c) => c,
        Err(e) => {
            return Outcome {
                result: fail(IngestProblem::Crashed {
                    what: what.into(),
                    detail: format!("the reader could not be started: {e}"),
                }),
                elapsed: start.elapsed(),
                peak_rss_kib: None,
            };
        }
    };
    let pid = child.id() as libc::pid_t;
    let (stdin, stdout, stderr) = (child.stdin.take(), child.stdout.take(), child.stderr.take());
    let mut timed_out = false;
    let mut status: libc::c_int = 0;
    // SAFETY: rusage is plain old data; zeroed is a valid value.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let mut reaped = false;
    let (answer, errtext) = std::thread::scope(|scope| {
        scope.spawn(move || {
            if let Some(mut stdin) = stdin {
                // The worker may die before reading everything: a broken pipe is expected.
                let _ = stdin.write_all(bytes);
            }
        });
        // the answer arrives on a channel: its end (the worker closing its output, as it does
        // when it exits) wakes the wait below at once instead of at its next poll
        let (answer_tx, answer_rx) = std::sync::mpsc::channel::<()>();
        let out = scope.spawn(move || {
            let mut buf = Vec::new();
            if let Some(s) = stdout {
                let _ = s.take(MAX_ANSWER).read_to_end(&mut buf);
            }
            let _ = answer_tx.send(());
            buf
        });
        let err = scope.spawn(move || {
            let mut buf = Vec::new();
            if let Some(s) = stderr {
                let _ = s.take(64 << 10).read_to_end(&mut buf);
            }
            String::from_utf8_lossy(&buf).into_owned()
        });
        let mut pause = Duration::from_micros(200);
        let mut answered = false;
        loop {
            // SAFETY: pid is our own child, not yet reaped; status and usage are valid pointers.
            let r = unsafe { libc::wait4(pid, &mut status, libc::WNOHANG, &mut usage) };
            if r == pid {
                reaped = true;
                break;
            }
            if r < 0 {
                break;
            }
            if start.elapsed() >= limits.time {
                timed_out = true;
                // SAFETY: pid is our own child that has not been reaped, so it is not reused.
                unsafe {
                    libc::kill(pid, libc::SIGKILL);
                    reaped = libc::wait4(pid, &mut status, 0, &mut usage) == pid;
                }
                break;
            }
            if answered {
                std::thread::sleep(pause);
                pause = (pause * 2).min(Duration::from_millis(20));
            } else {
                // until the worker has answered, sleep on the answer, not on a timer
                let left = limits.time.saturating_sub(start.elapsed());
                match answer_rx.recv_timeout(left.min(Duration::from_millis(50))) {
                    Ok(()) | Err(std::sync::mpsc::RecvTimeoutError::Disconnected) => {
                        answered = true;
                    }
                    Err(std::sync::mpsc::RecvTimeoutError::Timeout) => {}
                }
            }
        }
        (
            out.join().unwrap_or_default(),
            err.join().unwrap_or_default(),
        )
    });
    drop(child);
    let elapsed = start.elapsed();
    let peak_rss_kib = reaped.then_some(usage.ru_maxrss.max(0) as u64);
    let out_of_memory = errtext.contains("memory allocation of")
        || errtext.contains("failed to allocate")
        || errtext.contains("out of memory");
    let result = if timed_out {
        fail(IngestProblem::TimedOut {
            what: what.into(),
            secs: limits.time.as_secs_f64().round() as u64,
        })
    } else if !reaped {
        fail(IngestProblem::Crashed {
            what: what.into(),
            detail: "the reader was lost".into(),
        })
    } else if libc::WIFSIGNALED(status) {
        let sig = libc::WTERMSIG(status);
        if out_of_memory || sig == libc::SIGKILL {
            fail(IngestProblem::OutOfMemory {
                what: what.into(),
                limit_mb: limits.memory >> 20,
            })
        } else if sig == libc::SIGXCPU {
            fail(IngestProblem::TimedOut {
                what: what.into(),
                secs: limits.time.as_secs(),
            })
        } else {
            let detail = if errtext.contains("overflowed its stack") {
                "too deeply nested: stack overflow".to_string()
            } else {
                match sig {
                    libc::SIGSEGV => "memory fault".to_string(),
                    libc::SIGABRT => "aborted".to_string(),
                    libc::SIGBUS => "bus error".to_string(),
                    libc::SIGILL => "illegal instruction".to_string(),
                    s => format!("signal {s}"),
                }
            };
            fail(IngestProblem::Crashed {
                what: what.into(),
                detail,
            })
        }
    } else if libc::WEXITSTATUS(status) != 0 {
        if out_of_memory {
            fail(IngestProblem::OutOfMemory {
                what: what.into(),
                limit_mb: limits.memory >> 20,
            })
        } else {
            fail(IngestProblem::Crashed {
                what: what.into(),
                detail: format!("exit code {}", libc::WEXITSTATUS(status)),
            })
        }
    } else {
        serde_json::from_slice::<Result<Answer, IngestError>>(&answer)
            .map(|answer| match answer {
                Ok(Answer::Parsed(p)) => finish_in_process(path, what, *p),
                Ok(Answer::Article(a)) => Ok(*a),
                Err(e) => Err(e),
            })
            .unwrap_or_else(|e| {
                fail(IngestProblem::Crashed {
                    what: what.into(),
                    detail: format!("its answer could not be read: {e}"),
                })
            })
    };
    Outcome {
        result,
        elapsed,
        peak_rss_kib,
    }
}

fn set_limit(resource: libc::__rlimit_resource_t, soft: u64, hard: u64) -> std::io::Result<()> {
    let lim = libc::rlimit {
        rlim_cur: soft as libc::rlim_t,
        rlim_max: hard as libc::rlim_t,
    };
    // SAFETY: setrlimit reads a valid rlimit struct; it is async-signal-safe.
    if unsafe { libc::setrlimit(resource, &lim) } == 0 {
        Ok(())
    } else {
        Err(std::io::Error::last_os_error())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn in_process_fallback_reads_and_reports() {
        // test binaries do not register a worker: parsing happens here
        assert!(worker_exe().is_none());
        let a = ingest(
            "a.txt",
            b"The council met on Monday. It approved the budget.",
        )
        .unwrap();
        assert_eq!(a.sentences.len(), 2);
        assert_eq!(
            ingest("e.txt", b"  ").unwrap_err().problem,
            IngestProblem::Empty
        );
    }

    #[test]
    fn only_pdfs_and_large_files_need_a_worker() {
        let page = b"<!DOCTYPE html><html><body><p>The council met.</p></body></html>";
        assert!(!needs_worker("a.html", page));
        assert!(!needs_worker("a.md", b"# Title"));
        assert!(needs_worker("a.pdf", b"%PDF-1.4"));
        assert!(needs_worker("a", b"%PDF-1.4"));
        let large = vec![b'a'; IN_PROCESS_BYTES + 1];
        assert!(needs_worker("a.html", &large) && needs_worker("a.txt", &large));
    }

    #[test]
    fn a_worker_that_cannot_answer_is_a_typed_error() {
        // `true` ignores its input and answers nothing: that is an unreadable answer, not a panic
        let out = run_worker(
            Path::new("/bin/true"),
            "x.pdf",
            b"%PDF-1.4",
            Limits::default(),
        );
        let e = out.result.unwrap_err();
        assert!(matches!(e.problem, IngestProblem::Crashed { .. }), "{e}");
        assert!(e.to_string().contains("PDF"), "{e}");
        // a worker that outlives a short limit: a timeout, well before it would end
        let dir = std::env::temp_dir().join(format!("framediff-iso-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let script = dir.join("slow.sh");
        std::fs::write(&script, "#!/bin/sh\nexec sleep 5\n").unwrap();
        std::fs::set_permissions(&script, std::os::unix::fs::PermissionsExt::from_mode(0o755))
            .unwrap();
        let out = run_worker(
            &script,
            "slow.txt",
            b"",
            Limits {
                time: Duration::from_millis(300),
                memory: MEMORY_LIMIT,
            },
        );
        assert!(out.elapsed < Duration::from_secs(3), "{:?}", out.elapsed);
        assert!(
            matches!(
                out.result.unwrap_err().problem,
                IngestProblem::TimedOut { .. }
            ),
            "timeout"
        );
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
