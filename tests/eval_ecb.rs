//! `eval ecb` on a few topics of the ECB+ development part (../shared/data/ecb-dev or
//! $FRAMEDIFF_ECB), when present: every figure is a share in 0..=1 and every count it rests on is
//! positive. Prints "skipped" and passes when the data is absent.

use framediff::eval::ecb;

#[test]
fn ecb_figures_are_in_range_on_three_topics() {
    let Some(dir) = ecb::default_dir() else {
        eprintln!("ECB+ dev data not found beside the checkout: skipped");
        return;
    };
    let topics = ecb::load(&dir, Some(&["1", "3", "5"])).expect("ECB+ loads");
    assert_eq!(topics.len(), 3);
    let m = ecb::measure(&topics);
    eprintln!("{m}");
    let t = &m.total;
    assert!(t.docs > 0 && t.failed_docs == 0, "{} docs", t.docs);
    assert_eq!(t.substories, 6);
    assert!(t.gold_sentences > 0 && t.one_to_one * 10 >= t.gold_sentences * 9);
    assert!(t.anchors > 0 && t.gold_pairs > 0 && t.annotated_alignments > 0);
    assert!(t.ranked_anchors > 0 && t.ranked_anchor_hits <= t.ranked_anchors);
    assert!(t.entities.mentions > 0);
    for (name, x) in [
        ("ARI", t.story_ari),
        ("pooled ARI", m.pooled_ari),
        ("anchor", t.ranked_anchor_accuracy()),
        ("anchor, aligned partners only", t.anchor_accuracy()),
        ("pair recall", t.pair_recall()),
        ("alignment precision", t.alignment_precision()),
        ("omission precision", t.omission_precision()),
        ("B3 P", t.entities.precision()),
        ("B3 R", t.entities.recall()),
        ("B3 F1", t.entities.f1()),
    ] {
        // ARI can be slightly negative for a worse-than-chance grouping
        let low = if name.contains("ARI") { -1.0 } else { 0.0 };
        assert!((low..=1.0).contains(&x), "{name} {x}");
    }
    for topic in &m.topics {
        assert!((0.0..=1.0).contains(&topic.anchor_accuracy()));
        assert!(topic.anchor_hits <= topic.anchors);
        assert!(topic.gold_pairs_aligned <= topic.gold_pairs);
    }
    assert_eq!(
        t.omission_claims,
        t.omissions_hold
            + t.omissions_fail
            + t.omissions_unverifiable_article
            + t.omissions_unverifiable_topic
    );
}

/// The lists `--show-misses` samples hold exactly the cases the figures count as errors.
#[test]
fn miss_lists_agree_with_the_figures() {
    let Some(dir) = ecb::default_dir() else {
        eprintln!("ECB+ dev data not found beside the checkout: skipped");
        return;
    };
    let topics = ecb::load(&dir, Some(&["3", "5"])).expect("ECB+ loads");
    let t = ecb::measure(&topics).total;
    let misses = framediff::eval::ecb_misses::collect(&topics);
    assert_eq!(
        misses.counted_wrong.len(),
        t.annotated_alignments - t.annotated_alignments_sharing
    );
    assert_eq!(
        misses.not_aligned.len(),
        t.gold_pairs - t.gold_pairs_aligned
    );
    let report = framediff::eval::ecb_misses::report(&misses, 2);
    assert!(report.contains("1. topic "), "{report}");
}
