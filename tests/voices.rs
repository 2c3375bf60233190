//! Voices on the user's example page (../shared/data/seed): who says "starting point",
//! "pointless" and the framework quote. Prints "skipped" when the shared data is absent.

use framediff::frame::{self, Lexicons};

#[test]
fn seed_page_voices_are_the_readers() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/data/seed/glimmer-copied-page.txt");
    let Ok(bytes) = std::fs::read(&path) else {
        println!("skipped: {} is absent", path.display());
        return;
    };
    let article =
        framediff::ingest::ingest(&path.to_string_lossy(), &bytes).expect("seed page reads");
    let f = frame::analyze(
        std::slice::from_ref(&article),
        &framediff::align::Aligned::default(),
        &Lexicons::builtin(),
    );
    let speaker_of = |words: &str| -> Option<String> {
        f.quotes
            .iter()
            .find(|q| q.is_direct() && q.text.contains(words))
            .and_then(|q| q.speaker.clone())
    };
    for (words, who) in [
        ("starting point", "Putin"),
        ("pointless", "Putin"),
        ("de-escalation", "Kirby"),
    ] {
        let sp = speaker_of(words);
        assert!(
            sp.as_deref().is_some_and(|s| s.contains(who)),
            "“{words}” should be {who}'s, got {sp:?}: {:#?}",
            f.quotes
        );
    }
}
