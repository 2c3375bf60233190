//! The command line: `compare` prints the JSON contract with clean metadata for every sample,
//! and writes Markdown and HTML reports.

use std::path::Path;
use std::process::Command;

fn bin() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_framediff"));
    c.current_dir(env!("CARGO_MANIFEST_DIR"));
    c
}

fn samples() -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/samples");
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| format!("assets/samples/{}", e.file_name().to_string_lossy()))
        .collect();
    v.sort();
    v
}

#[test]
fn compare_json_contract_for_samples() {
    let files = samples();
    assert!(files.len() >= 4);
    let out = bin()
        .arg("compare")
        .args(&files)
        .args(["--format", "json"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    for key in [
        "articles",
        "stories",
        "topics",
        "alignments",
        "quotes",
        "cues",
        "differences",
    ] {
        assert!(v[key].is_array(), "missing {key}");
    }
    let articles = v["articles"].as_array().unwrap();
    assert_eq!(articles.len(), files.len());
    for (a, path) in articles.iter().zip(&files) {
        assert_eq!(a["path"].as_str(), Some(path.as_str()));
        for key in ["title", "source", "author", "date"] {
            let s = a[key].as_str().unwrap_or_default();
            assert!(!s.is_empty(), "{path}: no {key}");
        }
        let date = a["date"].as_str().unwrap();
        assert!(date.len() == 10 && date.as_bytes()[4] == b'-', "{date}");
        assert!(!a["tags"].as_array().unwrap().is_empty(), "{path}: no tags");
        assert_eq!(
            a["illustrative"], true,
            "{path} must be marked illustrative"
        );
        let sentences = a["sentences"].as_array().unwrap();
        assert!(sentences.len() >= 8);
        for (i, s) in sentences.iter().enumerate() {
            assert_eq!(s["index"].as_u64(), Some(i as u64));
            assert!(s["paragraph"].is_u64());
            let text = s["text"].as_str().unwrap();
            assert!(
                !text.contains("Comments") && !text.contains("minutes read"),
                "{text}"
            );
        }
    }
    // the copied web page's boilerplate is set aside, not lost
    let txt = articles
        .iter()
        .find(|a| a["path"].as_str().unwrap().ends_with(".txt"))
        .unwrap();
    let removed = txt["removed"].as_array().unwrap();
    assert!(
        removed
            .iter()
            .any(|r| r["kind"] == "counter" && r["text"] == "12 Views")
    );
    assert!(removed.iter().any(|r| r["kind"] == "reading_time"));
}

#[test]
fn compare_writes_markdown_and_html() {
    let dir = std::env::temp_dir().join(format!("framediff-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    for (fmt, ext, needle) in [
        ("md", "md", "# framediff comparison"),
        ("html", "html", "<!DOCTYPE html>"),
    ] {
        let out_path = dir.join(format!("report.{ext}"));
        let status = bin()
            .arg("compare")
            .arg("assets/samples")
            .args(["--format", fmt, "-o"])
            .arg(&out_path)
            .status()
            .unwrap();
        assert!(status.success());
        let text = std::fs::read_to_string(&out_path).unwrap();
        assert!(text.starts_with(needle), "{fmt}");
        assert!(text.contains("Meridian Wire"));
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn bad_file_is_reported_and_others_kept() {
    let out = bin()
        .args([
            "compare",
            "assets/samples/01-meridian-wire.md",
            "tests/fixtures/empty.txt",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("empty.txt: the file is empty"), "{err}");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["articles"].as_array().unwrap().len(), 1);
}

#[test]
fn help_lists_subcommands() {
    let out = bin().arg("--help").output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("compare") && text.contains("eval"), "{text}");
}

#[test]
fn a_bad_lexicon_folder_is_a_clear_error() {
    let dir = std::env::temp_dir().join(format!("framediff-lex-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("loaded.txt"),
        "slam | - | ok\nphony | sometimes | bad polarity\n",
    )
    .unwrap();
    let out = bin()
        .args([
            "compare",
            "assets/samples/01-meridian-wire.md",
            "--lexicons",
        ])
        .arg(&dir)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("loaded.txt") && err.contains("line 2") && err.contains("polarity"),
        "{err}"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn json_has_framing_for_every_article() {
    let out = bin().args(["compare", "assets/samples"]).output().unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    for id in 0..4u64 {
        let has = |key: &str| {
            v[key]
                .as_array()
                .unwrap()
                .iter()
                .any(|x| x["article"].as_u64() == Some(id))
        };
        assert!(has("cues") && has("tones"), "article {id}");
    }
    assert!(
        v["quotes"]
            .as_array()
            .unwrap()
            .iter()
            .any(|q| q["verb_class"] == "dismissive")
    );
    assert!(!v["differences"].as_array().unwrap().is_empty());
    assert_eq!(
        v["diffs"].as_array().unwrap().len(),
        v["alignments"].as_array().unwrap().len()
    );
    assert!(!v["tables"].as_array().unwrap().is_empty());
}

#[test]
fn compare_writes_a_blind_handout_and_its_answer_key() {
    let dir = std::env::temp_dir().join(format!("framediff-cli-handout-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let sheet = dir.join("class.html");
    let key = dir.join("class-answer-key.html");
    let run = |out: Option<&std::path::Path>| {
        let mut c = bin();
        c.arg("compare")
            .arg("assets/samples")
            .args(["--format", "handout"]);
        if let Some(out) = out {
            c.arg("-o").arg(out);
        }
        c.output().unwrap()
    };
    let out = run(Some(&sheet));
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let sheet_text = std::fs::read_to_string(&sheet).unwrap();
    let key_text = std::fs::read_to_string(&key).unwrap();
    for name in [
        "Meridian Wire",
        "Dnipro Observer",
        "01-meridian",
        "samples/",
    ] {
        assert!(!sheet_text.contains(name), "{name} in the handout");
    }
    assert!(sheet_text.contains("<h3>Article D</h3>"));
    assert!(key_text.contains("<th>Article A</th><td>Meridian Wire"));
    // two files: standard output cannot take them
    let out = run(None);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("-o FILE.html"));
    // a file framediff did not write where the key goes: nothing is written
    let other = dir.join("other.html");
    std::fs::write(dir.join("other-answer-key.html"), "mine").unwrap();
    let out = run(Some(&other));
    assert_eq!(out.status.code(), Some(2));
    assert!(!other.exists());
    assert_eq!(
        std::fs::read_to_string(dir.join("other-answer-key.html")).unwrap(),
        "mine"
    );
    // an earlier answer key is written over
    assert!(run(Some(&sheet)).status.success());
    std::fs::remove_dir_all(&dir).unwrap();
}
