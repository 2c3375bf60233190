//! Copied web pages: the user's seed page (read from ../shared/data/seed when present, skipped
//! otherwise) and a page-shaped text written for this test.

use framediff::RemovedKind;
use framediff::ingest::ingest;
use std::path::Path;

fn kinds(a: &framediff::Article) -> Vec<RemovedKind> {
    a.removed.iter().map(|r| r.kind).collect()
}

#[test]
fn seed_page_comes_out_clean() {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data/seed/glimmer-copied-page.txt");
    let Ok(bytes) = std::fs::read(&path) else {
        println!("skipped: {} is not present", path.display());
        return;
    };
    let a = ingest("glimmer-copied-page.txt", &bytes).unwrap();
    assert!(
        a.title.starts_with("A Glimmer, Or a Gambit?"),
        "{}",
        a.title
    );
    assert_eq!(a.source.as_deref(), Some("Nishadil"));
    assert_eq!(a.date.as_deref(), Some("2025-11-28"));
    assert_eq!(a.tags.len(), 33, "{:?}", a.tags);
    let k = kinds(&a);
    for want in [
        RemovedKind::Title,
        RemovedKind::Share,
        RemovedKind::Date,
        RemovedKind::Counter,
        RemovedKind::ReadingTime,
        RemovedKind::Tags,
        RemovedKind::Disclaimer,
    ] {
        assert!(k.contains(&want), "{want:?} not set aside: {k:?}");
    }
    assert_eq!(
        k.iter().filter(|k| **k == RemovedKind::Counter).count(),
        2,
        "{k:?}"
    );
    for s in &a.sentences {
        let t = s.text.trim_start_matches("- ");
        assert!(
            t.split_whitespace().count() >= 4 && !t.starts_with("Disclaimer"),
            "boilerplate in the body: {t:?}"
        );
    }
    assert!(
        (22..=28).contains(&a.sentences.len()),
        "{} sentences",
        a.sentences.len()
    );
    assert!(a.body.starts_with("Well, here"), "{}", &a.body[..40]);
    println!(
        "seed page: {} sentences, {} set aside",
        a.sentences.len(),
        a.removed.len()
    );
}

/// A news page as a browser's select-all copy gives it: menus, a headline with a standfirst,
/// the byline and date below the standfirst, share counts, a caption, the article, related
/// links, a cookie note and a footer.
const PAGE: &str = "Skip to content
Menu
Home
World
Business
Sport
Culture
Weather
Sign in

Ferry service to the outer islands resumes after storm

Crews worked through the weekend to clear the damaged pier, and the first boat left at dawn.

By Maren Holt and Tobias Reyes
Published 14 March 2024, 07:12
12 Comments
Share

The harbour master at dusk on Sunday. Photo: Lena Fisk

The ferry service to the outer islands resumed on Monday morning, three days after a storm tore away part of the main pier and left hundreds of residents without a link to the mainland.

Crews from the port authority worked through the weekend to clear debris and shore up the remaining berth, the authority said in a statement.

Ingredients for the harbour soup the volunteers served:
2 cups fish stock
1 onion, chopped

Residents who had been stranded on the islands said supplies of fresh food had started to run short by Sunday evening, and several shops had closed early.

The operator said timetables would stay reduced until the pier is fully repaired, which is expected to take about six weeks.

Related stories
Storm closes schools across the region
Pier repairs to cost millions
Island doctors call for a second boat

We use cookies to give you the best experience. By continuing to browse you agree to our cookie policy.
Contact us
Privacy policy
Terms of use
";

#[test]
fn a_copied_news_page_keeps_its_article_and_sets_the_rest_aside() {
    let a = ingest("copied.txt", PAGE.as_bytes()).unwrap();
    assert_eq!(
        a.title,
        "Ferry service to the outer islands resumes after storm"
    );
    assert_eq!(a.author.as_deref(), Some("Maren Holt and Tobias Reyes"));
    assert_eq!(a.date.as_deref(), Some("2024-03-14"));
    // all article text is kept, the short list lines inside it included
    for kept in [
        "The ferry service to the outer islands resumed",
        "Crews from the port authority",
        "2 cups fish stock",
        "Residents who had been stranded",
        "about six weeks.",
    ] {
        assert!(a.body.contains(kept), "lost {kept:?}:\n{}", a.body);
    }
    for gone in [
        "Home",
        "Related stories",
        "cookie",
        "Privacy policy",
        "12 Comments",
        "Sign in",
    ] {
        assert!(!a.body.contains(gone), "kept {gone:?}:\n{}", a.body);
    }
    let k = kinds(&a);
    for want in [
        RemovedKind::Navigation,
        RemovedKind::Title,
        RemovedKind::Byline,
        RemovedKind::Date,
        RemovedKind::Counter,
        RemovedKind::Cookie,
    ] {
        assert!(k.contains(&want), "{want:?} not set aside: {k:?}");
    }
    // nothing is dropped silently: every non-blank line is in the body or set aside
    for line in PAGE.lines().filter(|l| !l.trim().is_empty()) {
        let t = line.trim();
        assert!(
            a.body.contains(t) || a.removed.iter().any(|r| r.text.contains(t)),
            "{t:?} vanished"
        );
    }
}
