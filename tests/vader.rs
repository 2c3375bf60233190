//! framediff's own VADER (src/frame/vader.rs) against the `vader-parity` crate, which pins the
//! reference Python vaderSentiment 3.3.2 bit for bit: on every text `vader::covers` accepts, the
//! two compound scores must be equal. Checked on hand-made sentences for each rule, on every
//! sentence of the sample articles, and on every sentence of BASIL dev and ECB+ dev when they
//! are present beside the checkout (skipped otherwise).

use framediff::frame::{tone, vader};

fn differences(texts: &[String]) -> (usize, Vec<String>) {
    let mut covered = 0;
    let mut wrong = Vec::new();
    for t in texts {
        if !vader::covers(t) {
            continue;
        }
        covered += 1;
        let (ours, reference) = (vader::compound(t), tone::reference_compound(t));
        if ours.to_bits() != reference.to_bits() {
            wrong.push(format!("{t:?}: ours {ours}, reference {reference}"));
        }
    }
    (covered, wrong)
}

/// Sentences written to exercise each rule (invented text).
const RULES: &[&str] = &[
    "The plan is good.",
    "The plan is not good.",
    "The plan isn't good at all.",
    "The plan is never so good.",
    "It was never this bad, without doubt.",
    "Without a doubt the talks were great.",
    "The plan is very good.",
    "The plan is VERY good, they said.",
    "The plan is GOOD, they said.",
    "THE PLAN IS GOOD.",
    "The deal was kind of good.",
    "The deal was sort of a failure.",
    "It was kind of awful, but the food was great.",
    "Good, good, but bad and bad.",
    "No, the result was not a disaster.",
    "There was no good answer.",
    "No hope or joy was left.",
    "It is the least bad option.",
    "At least it is good.",
    "The very least helpful reply.",
    "That was the bomb!",
    "Yeah right, a bus stop, to die for.",
    "He was the kiss of death for them.",
    "Really?? Great!!!!!",
    "Why? Why? Why? Why not?",
    "It was barely acceptable, hardly a win.",
    "The extremely   bad  weather ; wasn't  helpful .",
    ":) great :( sad <3",
    "“Useless,” she said of the meeting — a “fair deal” for all.",
    "Ça va très bien, merci: the café was lovely.",
    "İstanbul was GREAT, said Ömer.",
    "A 5 € fee is not fair ‐ not at all…",
    "",
    "   ",
    "!!!",
    "no",
    "no no no good",
    "kind of",
    "least",
    "but",
    "good but",
    "but good",
    "The SHIT was the shit.",
    "Absolutely awful, utterly terrible, totally wrong.",
];

#[test]
fn own_vader_matches_the_reference_on_hand_made_sentences() {
    let texts: Vec<String> = RULES.iter().map(|s| s.to_string()).collect();
    let (covered, wrong) = differences(&texts);
    assert_eq!(covered, RULES.len(), "every hand-made sentence is covered");
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn own_vader_matches_the_reference_on_the_samples() {
    let mut texts = Vec::new();
    for a in framediff::samples::load().expect("the samples read") {
        texts.extend(a.sentences.iter().map(|s| s.text.clone()));
    }
    for (_, bytes) in framediff::samples::SAMPLES {
        texts.extend(String::from_utf8_lossy(bytes).lines().map(str::to_string));
    }
    let (covered, wrong) = differences(&texts);
    assert!(
        covered * 10 >= texts.len() * 9,
        "{covered} of {}",
        texts.len()
    );
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// Every sentence of a development corpus: nine in ten are covered and none differs.
fn check_corpus(name: &str, texts: &[String]) {
    let (covered, wrong) = differences(texts);
    eprintln!(
        "{name}: {covered} of {} sentences covered, {} differ",
        texts.len(),
        wrong.len()
    );
    assert!(covered * 10 >= texts.len() * 9);
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn own_vader_matches_the_reference_on_basil_dev() {
    let Some(dir) = framediff::eval::basil::default_dir() else {
        eprintln!("BASIL dev data not found beside the checkout: skipped");
        return;
    };
    let corpus = framediff::eval::basil::load(&dir).expect("BASIL loads");
    let texts: Vec<String> = corpus
        .iter()
        .flat_map(|a| a.article.sentences.iter().map(|s| s.text.clone()))
        .collect();
    check_corpus("BASIL dev", &texts);
}

#[test]
fn own_vader_matches_the_reference_on_ecb_dev() {
    let Some(dir) = framediff::eval::ecb::default_dir() else {
        eprintln!("ECB+ dev data not found beside the checkout: skipped");
        return;
    };
    let topics = framediff::eval::ecb::load(&dir, None).expect("ECB+ loads");
    let texts: Vec<String> = topics
        .iter()
        .flat_map(|t| &t.docs)
        .flat_map(|d| d.article.sentences.iter().map(|s| s.text.clone()))
        .collect();
    check_corpus("ECB+ dev", &texts);
}
