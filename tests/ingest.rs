//! Integration tests of ingestion: every supported format, every bad input, and folders with a
//! bad file among good ones. Fixtures in tests/fixtures are small texts written for these tests.

use framediff::files::{read_article, read_articles};
use framediff::{Format, IngestProblem, RemovedKind};
use std::path::{Path, PathBuf};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

#[test]
fn html_page_main_text_and_metadata() {
    let a = read_article(&fixture("valdoria-page.html")).unwrap();
    assert_eq!(a.format, Format::Html);
    assert_eq!(a.title, "Valdoria border deal signed");
    assert_eq!(a.source.as_deref(), Some("Example Gazette"));
    assert_eq!(a.author.as_deref(), Some("Rita Okafor"));
    assert_eq!(a.date.as_deref(), Some("2023-03-14"));
    assert_eq!(a.tags, vec!["Valdoria", "Borders"]);
    assert!(a.body.contains("joint commission"));
    assert!(!a.body.contains("Sign up"), "{}", a.body);
    // page chrome is set aside, not lost
    let removed: Vec<&str> = a.removed.iter().map(|r| r.text.as_str()).collect();
    assert!(
        removed.iter().any(|t| t.contains("Share this article")),
        "{removed:?}"
    );
    assert!(a.removed.iter().any(|r| r.kind == RemovedKind::Newsletter));
}

#[test]
fn copied_web_page_comes_out_clean() {
    let a = read_article(&fixture("copied-page.txt")).unwrap();
    assert_eq!(a.title, "Valdoria votes on new constitution");
    assert_eq!(a.author.as_deref(), Some("Marta Lindqvist"));
    assert_eq!(a.source.as_deref(), Some("Example Courier"));
    assert_eq!(a.date.as_deref(), Some("2023-02-03"));
    assert_eq!(a.tags, vec!["Valdoria", "Elections", "Constitution"]);
    let kinds: Vec<RemovedKind> = a.removed.iter().map(|r| r.kind).collect();
    for k in [
        RemovedKind::Navigation,
        RemovedKind::Title,
        RemovedKind::Byline,
        RemovedKind::Date,
        RemovedKind::ReadingTime,
        RemovedKind::Counter,
        RemovedKind::Share,
        RemovedKind::Cookie,
        RemovedKind::Disclaimer,
        RemovedKind::Tags,
    ] {
        assert!(kinds.contains(&k), "missing {k:?} in {kinds:?}");
    }
    assert_eq!(a.paragraphs.len(), 3, "{}", a.body);
    assert!(a.body.starts_with("Voters in Valdoria"));
    // "61.5" and "Mr." do not split sentences
    assert_eq!(a.sentences.len(), 4, "{:#?}", a.sentences);
}

#[test]
fn markdown_front_matter_with_unknown_extension() {
    let a = read_article(&fixture("front-matter.article")).unwrap();
    assert_eq!(a.format, Format::Markdown);
    assert_eq!(a.title, "Harbour strike ends in Valdoria");
    assert_eq!(a.date.as_deref(), Some("2022-03-05"));
    assert_eq!(a.url.as_deref(), Some("https://example.org/harbour"));
    assert_eq!(a.tags, vec!["Labour", "Valdoria"]);
    assert_eq!(a.sentences.len(), 2);
}

#[test]
fn pdf_text_layer() {
    let a = read_article(&fixture("valdoria.pdf")).unwrap();
    assert_eq!(a.format, Format::Pdf);
    assert_eq!(a.title, "Ceasefire talks stall in fictional Valdoria");
    assert!(a.body.contains("talks had stalled"), "{}", a.body);
}

#[test]
fn legacy_and_utf16_encodings() {
    let a = read_article(&fixture("cp1252.txt")).unwrap();
    assert!(a.body.contains("minister’s spokesman"), "{}", a.body);
    assert!(a.body.contains("“regrettable”"));
    assert!(a.body.contains("café"));
    let b = read_article(&fixture("utf16.txt")).unwrap();
    assert_eq!(b.title, "Valdoria talks resume");
    assert!(b.body.contains("minister’s spokesman"));
}

#[test]
fn malformed_html_still_reads() {
    let a = read_article(&fixture("malformed.html")).unwrap();
    assert!(a.body.contains("approved the budget"), "{}", a.body);
}

#[test]
fn bad_inputs_are_typed_errors() {
    let problem = |name: &str| read_article(&fixture(name)).unwrap_err().problem;
    assert_eq!(problem("empty.txt"), IngestProblem::Empty);
    assert!(matches!(problem("image.png"), IngestProblem::Binary(_)));
    assert!(matches!(problem("broken.pdf"), IngestProblem::Pdf(_)));
    assert!(matches!(
        problem("does-not-exist.txt"),
        IngestProblem::Unreadable(_)
    ));
    // undecodable: a UTF-16 BOM followed by an unpaired surrogate run
    let bad = [0xff, 0xfe, 0x00, 0xd8, 0x00, 0xd8, 0x00, 0xd8, 0x41, 0x00];
    let e = framediff::ingest::ingest("bad.txt", &bad).unwrap_err();
    assert_eq!(e.problem, IngestProblem::Undecodable);
    assert!(e.to_string().starts_with("bad.txt: "));
}

#[test]
fn oversized_file_is_refused_before_reading() {
    let dir = std::env::temp_dir().join(format!("framediff-big-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("big.txt");
    let f = std::fs::File::create(&path).unwrap();
    f.set_len(framediff::ingest::MAX_BYTES + 1).unwrap();
    let e = read_article(&path).unwrap_err();
    assert!(matches!(e.problem, IngestProblem::TooLarge { .. }));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn one_bad_file_among_several_keeps_the_others() {
    let (ok, failed) = read_articles(&[fixture("")]);
    assert!(ok.len() >= 6, "{}", ok.len());
    // empty.txt, broken.pdf; image.png is not an article extension and is not picked up
    assert_eq!(failed.len(), 2, "{failed:?}");
}

#[test]
fn pasted_text() {
    let a = framediff::ingest::ingest_pasted(
        "pasted:1",
        "Valdoria picks a new flag\n\nThe parliament chose a blue and gold design on Friday.",
    )
    .unwrap();
    assert_eq!(a.format, Format::Pasted);
    assert_eq!(a.path, "pasted:1");
    assert_eq!(a.title, "Valdoria picks a new flag");
    assert!(framediff::ingest::ingest_pasted("pasted:2", "   ").is_err());
}

#[test]
fn arbitrary_input_never_panics() {
    // a small deterministic generator: bytes, then text made of tricky pieces
    let mut seed: u64 = 0x9e3779b97f4a7c15;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    let pieces = [
        "“",
        "”",
        "\"",
        "'",
        "’",
        " ",
        "\n",
        "\n\n",
        "U.S.",
        "Mr.",
        "said",
        "claimed",
        "he",
        "Putin",
        "é",
        "—",
        "…",
        "<p>",
        "</p>",
        "---\n",
        "title: x\n",
        "0 Comments",
        "- Tag\n",
        "By Jane Doe",
        "3.5",
        "!",
        "?",
        "ﬁ",
        "🙂",
        "\u{feff}",
    ];
    let lex = framediff::Config::builtin();
    for round in 0..300 {
        let bytes: Vec<u8> = (0..(next() % 200)).map(|_| next() as u8).collect();
        let _ = framediff::ingest::ingest("r.bin", &bytes);
        let text: String = (0..(next() % 60))
            .map(|_| pieces[(next() % pieces.len() as u64) as usize])
            .collect();
        for name in ["r.txt", "r.md", "r.html"] {
            if let Ok(a) = framediff::ingest::ingest(name, text.as_bytes()) {
                let analysis = framediff::analyze(vec![a.clone(), a], &lex);
                let _ = framediff::report::render(
                    &analysis,
                    &[],
                    framediff::report::ReportFormat::Html,
                );
            }
        }
        let _ = round;
    }
}
