//! Safe writes: atomic replacement that keeps the file mode, refuses links and special files,
//! uses unpredictable temporary names; `-o -` writes to standard output; a closed pipe on
//! standard output ends the program quietly with exit code 0.

use framediff::WriteError;
use framediff::files::write_atomic;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("framediff-w-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn leftovers(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp"))
        .collect()
}

#[test]
fn replaces_atomically_and_keeps_the_mode() {
    let dir = scratch("mode");
    let target = dir.join("report.json");
    std::fs::write(&target, "old").unwrap();
    std::fs::set_permissions(&target, std::fs::Permissions::from_mode(0o600)).unwrap();
    write_atomic(&target, b"new").unwrap();
    assert_eq!(std::fs::read_to_string(&target).unwrap(), "new");
    let mode = std::fs::metadata(&target).unwrap().permissions().mode() & 0o7777;
    assert_eq!(mode, 0o600);
    // a new file is created too, and no temporary file is left behind
    write_atomic(&dir.join("fresh.md"), b"x").unwrap();
    assert_eq!(std::fs::read(dir.join("fresh.md")).unwrap(), b"x");
    assert!(leftovers(&dir).is_empty(), "{:?}", leftovers(&dir));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn symlinks_and_special_files_are_refused() {
    let dir = scratch("special");
    let victim = dir.join("victim.txt");
    std::fs::write(&victim, "keep me").unwrap();
    let link = dir.join("out.json");
    std::os::unix::fs::symlink(&victim, &link).unwrap();
    let e = write_atomic(&link, b"evil").unwrap_err();
    assert!(matches!(e, WriteError::Symlink { .. }), "{e}");
    assert!(e.to_string().contains("symbolic link"), "{e}");
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "keep me");
    assert!(std::fs::symlink_metadata(&link).unwrap().is_symlink());

    let fifo = dir.join("fifo.json");
    let c = std::ffi::CString::new(fifo.to_str().unwrap()).unwrap();
    // SAFETY: a valid C string path
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o644) }, 0);
    let e = write_atomic(&fifo, b"x").unwrap_err();
    assert!(matches!(e, WriteError::NotRegular { .. }), "{e}");
    assert!(e.to_string().contains("FIFO"), "{e}");

    let e = write_atomic(Path::new("/dev/null"), b"x").unwrap_err();
    assert!(matches!(e, WriteError::NotRegular { .. }), "{e}");
    let e = write_atomic(&dir, b"x").unwrap_err();
    assert!(matches!(e, WriteError::NotRegular { .. }), "{e}");
    assert!(leftovers(&dir).is_empty());
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn temporary_names_are_not_predictable() {
    // The old scheme was `.NAME.PID.tmp`: plant a symlink there and check that nothing is
    // written through it.
    let dir = scratch("planted");
    let elsewhere = dir.join("elsewhere.txt");
    std::fs::write(&elsewhere, "untouched").unwrap();
    let planted = dir.join(format!(".report.json.{}.tmp", std::process::id()));
    std::os::unix::fs::symlink(&elsewhere, &planted).unwrap();
    let target = dir.join("report.json");
    write_atomic(&target, b"data").unwrap();
    assert_eq!(std::fs::read_to_string(&elsewhere).unwrap(), "untouched");
    assert_eq!(std::fs::read_to_string(&target).unwrap(), "data");
    assert_eq!(leftovers(&dir).len(), 1, "only the planted link");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn dash_is_stdout_and_a_closed_pipe_exits_quietly() {
    let exe = env!("CARGO_BIN_EXE_framediff");
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/valdoria-page.html");
    let out = Command::new(exe)
        .args(["compare", "--format", "md", "-o", "-"])
        .arg(&fixture)
        .arg(&fixture)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.stdout.starts_with(b"# framediff comparison"));
    assert!(!Path::new("-").exists());

    // `framediff compare … | head -c 10`: the reader closes the pipe before the output is done
    // (the output is larger than a pipe's buffer, so the writer is still writing)
    let dir = scratch("pipe");
    for i in 0..12 {
        std::fs::copy(&fixture, dir.join(format!("page{i}.html"))).unwrap();
    }
    let mut child = Command::new(exe)
        .args(["compare", "--format", "json"])
        .arg(&dir)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = child.stdout.take().unwrap();
    let mut head = [0u8; 10];
    std::io::Read::read_exact(&mut stdout, &mut head).unwrap();
    drop(stdout);
    let out = child.wait_with_output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        !String::from_utf8_lossy(&out.stderr).contains("panicked"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn workspace_is_read_safely_and_backed_up() {
    let dir = scratch("ws");
    let path = dir.join("w.framediff");
    let mut ws = framediff::workspace::Workspace::default();
    ws.settings.zoom = 1.5;
    std::fs::write(&path, ws.to_json().replace("1.5", "0.0")).unwrap();
    let (back, repairs) = framediff::files::read_workspace(&path).unwrap();
    assert_eq!(back.settings.zoom, framediff::workspace::ZOOM_RANGE.0);
    assert_eq!(repairs.len(), 1, "{repairs:?}");
    let copy = framediff::files::backup_copy(&path).unwrap();
    assert_eq!(copy, dir.join("w.framediff.bak"));
    let copy2 = framediff::files::backup_copy(&path).unwrap();
    assert_eq!(copy2, dir.join("w.framediff.1.bak"));
    assert_eq!(std::fs::read(&copy).unwrap(), std::fs::read(&path).unwrap());
    // a FIFO in place of a workspace is refused without blocking
    let fifo = dir.join("f.framediff");
    let c = std::ffi::CString::new(fifo.to_str().unwrap()).unwrap();
    // SAFETY: a valid C string path
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o644) }, 0);
    let e = framediff::files::read_workspace(&fifo).unwrap_err();
    assert!(e.to_string().contains("regular file"), "{e}");
    std::fs::remove_dir_all(&dir).unwrap();
}
