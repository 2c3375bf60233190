//! Semantic layer benchmark: asset sizes on disk, load time of the static embeddings and of
//! WordNet, sentences per second, and — when ../shared/data/ecb-dev is present — the AUC of the
//! static-embedding cosine for annotated sentence pairs that share an event chain versus pairs
//! that do not. Run with `cargo bench --bench embed`.

use framediff::text::embed::{StaticEmbeddings, cosine};
use framediff::text::wordnet::WordNet;
use serde_json::Value;
use std::collections::HashSet;
use std::path::Path;
use std::time::{Duration, Instant};

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

fn dir_size(dir: &Path) -> u64 {
    std::fs::read_dir(dir)
        .map(|rd| {
            rd.filter_map(Result::ok)
                .filter_map(|e| e.metadata().ok())
                .filter(|m| m.is_file())
                .map(|m| m.len())
                .sum()
        })
        .unwrap_or(0)
}

/// Sentences made from small word lists written for this benchmark.
fn generated_sentences(n: usize) -> Vec<String> {
    let subjects = [
        "The minister",
        "Local officials",
        "A spokesperson for the company",
        "Rescue workers",
        "The opposition leader",
        "Several witnesses",
        "The central bank",
        "Researchers at the university",
    ];
    let verbs = [
        "said on Tuesday that",
        "warned that",
        "denied reports that",
        "confirmed late last night that",
        "argued in a statement that",
    ];
    let clauses = [
        "the talks had collapsed without agreement",
        "prices would keep rising through the winter",
        "the bridge was closed after the storm damaged its supports",
        "dozens of people had been evacuated from the flooded district",
        "the new rules were unfair to small farmers",
        "the investigation into the fire would take several months",
        "negotiators planned to meet again next week in a neutral city",
    ];
    (0..n)
        .map(|i| {
            format!(
                "{} {} {}, according to report number {}.",
                subjects[i % subjects.len()],
                verbs[(i / subjects.len()) % verbs.len()],
                clauses[(i / 3) % clauses.len()],
                i
            )
        })
        .collect()
}

/// Area under the ROC curve (Mann–Whitney), ties counted half.
fn auc(pos: &[f32], neg: &[f32]) -> f64 {
    let mut all: Vec<(f32, bool)> = pos
        .iter()
        .map(|&s| (s, true))
        .chain(neg.iter().map(|&s| (s, false)))
        .collect();
    all.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mut rank_sum = 0.0f64;
    let mut i = 0;
    while i < all.len() {
        let mut j = i;
        while j < all.len() && all[j].0 == all[i].0 {
            j += 1;
        }
        let avg_rank = (i + 1 + j) as f64 / 2.0;
        rank_sum += avg_rank * all[i..j].iter().filter(|x| x.1).count() as f64;
        i = j;
    }
    let (np, nn) = (pos.len() as f64, neg.len() as f64);
    (rank_sum - np * (np + 1.0) / 2.0) / (np * nn)
}

struct Annotated {
    doc: String,
    story: String,
    events: HashSet<String>,
    vector: Vec<f32>,
}

fn ecb_auc(emb: &StaticEmbeddings, dir: &Path) {
    let Ok(text) = std::fs::read_to_string(dir.join("gold.json")) else {
        println!("ecb-dev: skipped (no {}/gold.json)", dir.display());
        return;
    };
    let Ok(gold) = serde_json::from_str::<Value>(&text) else {
        println!("ecb-dev: skipped (gold.json does not parse)");
        return;
    };
    let (mut pos, mut neg) = (Vec::new(), Vec::new());
    let (mut pos_story, mut neg_story) = (Vec::new(), Vec::new());
    let empty = serde_json::Map::new();
    for topic in gold.as_object().unwrap_or(&empty).values() {
        let mut sents = Vec::new();
        let docs = topic
            .get("docs")
            .and_then(Value::as_object)
            .unwrap_or(&empty);
        for (doc, d) in docs {
            let sentences = d.get("sentences").and_then(Value::as_array);
            let story = d.get("story").and_then(Value::as_str).unwrap_or("");
            let events = d.get("events").and_then(Value::as_object);
            for idx in d
                .get("annotated")
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
            {
                let Some(i) = idx.as_u64() else { continue };
                let Some(s) = sentences
                    .and_then(|s| s.get(i as usize))
                    .and_then(Value::as_str)
                else {
                    continue;
                };
                let ev: HashSet<String> = events
                    .and_then(|e| e.get(&i.to_string()))
                    .and_then(Value::as_array)
                    .into_iter()
                    .flatten()
                    .filter_map(|c| c.as_str().map(str::to_string))
                    .collect();
                sents.push(Annotated {
                    doc: doc.clone(),
                    story: story.to_string(),
                    events: ev,
                    vector: emb.embed(s),
                });
            }
        }
        for (i, a) in sents.iter().enumerate() {
            for b in &sents[i + 1..] {
                if a.doc == b.doc {
                    continue;
                }
                let s = cosine(&a.vector, &b.vector);
                let shared = !a.events.is_disjoint(&b.events);
                if shared { &mut pos } else { &mut neg }.push(s);
                if a.story == b.story {
                    if shared {
                        &mut pos_story
                    } else {
                        &mut neg_story
                    }
                    .push(s);
                }
            }
        }
    }
    if pos.is_empty() || neg.is_empty() {
        println!("ecb-dev: skipped (no annotated pairs)");
        return;
    }
    println!(
        "ecb-dev: AUC of static cosine, shared event chain vs not, annotated sentences of different \
         articles of one topic: {:.3} ({} positive, {} negative pairs)",
        auc(&pos, &neg),
        pos.len(),
        neg.len()
    );
    if !pos_story.is_empty() && !neg_story.is_empty() {
        println!(
            "ecb-dev: same, within one story (sub-topic) only: {:.3} ({} positive, {} negative pairs)",
            auc(&pos_story, &neg_story),
            pos_story.len(),
            neg_story.len()
        );
    }
}

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let emb_dir = root.join("assets/embeddings");
    let wn_dir = root.join("assets/wordnet");
    println!(
        "asset size on disk: embeddings {:.1} MB ({}), wordnet {:.1} MB ({})",
        dir_size(&emb_dir) as f64 / 1e6,
        emb_dir.display(),
        dir_size(&wn_dir) as f64 / 1e6,
        wn_dir.display()
    );

    // Cold load: the first call parses the vocabulary (vectors are read in place).
    let t = Instant::now();
    let emb = StaticEmbeddings::builtin();
    let cold = t.elapsed();
    let mut warm = Vec::new();
    for _ in 0..10 {
        let t = Instant::now();
        let e = StaticEmbeddings::load_builtin().expect("built-in asset");
        warm.push(t.elapsed());
        std::hint::black_box(e.dim());
    }
    warm.sort();
    println!(
        "static embeddings load: first {:.1} ms, median of 10 fresh loads {:.1} ms ({} tokens x {} dims)",
        ms(cold),
        ms(warm[5]),
        emb.vocab_size(),
        emb.dim()
    );

    let t = Instant::now();
    let wn = WordNet::builtin();
    let wn_cold = t.elapsed();
    let mut wn_warm = Vec::new();
    for _ in 0..5 {
        let t = Instant::now();
        let w = WordNet::load_builtin();
        wn_warm.push(t.elapsed());
        std::hint::black_box(w.len());
    }
    wn_warm.sort();
    println!(
        "wordnet load: first {:.1} ms, median of 5 fresh loads {:.1} ms ({} synsets)",
        ms(wn_cold),
        ms(wn_warm[2]),
        wn.len()
    );

    let sentences = generated_sentences(5000);
    let mut best = Duration::MAX;
    for _ in 0..3 {
        let t = Instant::now();
        let mut sum = 0.0f32;
        for s in &sentences {
            sum += emb.embed(s)[0];
        }
        std::hint::black_box(sum);
        best = best.min(t.elapsed());
    }
    println!(
        "embedding speed: {} sentences in {:.1} ms = {:.0} sentences/s (best of 3, one thread)",
        sentences.len(),
        ms(best),
        sentences.len() as f64 / best.as_secs_f64()
    );

    let words: Vec<(&str, &str)> = vec![
        ("pointless", "senseless"),
        ("summit", "conference"),
        ("troops", "soldiers"),
        ("resigned", "quit"),
    ];
    let t = Instant::now();
    let mut related = 0;
    for _ in 0..1000 {
        for (a, b) in &words {
            related += usize::from(wn.relation(a, b).is_some());
        }
    }
    println!(
        "wordnet relation: {:.1} µs per word pair ({} related)",
        t.elapsed().as_secs_f64() * 1e6 / 4000.0,
        related / 1000
    );

    ecb_auc(emb, &root.join("../shared/data/ecb-dev"));
}
