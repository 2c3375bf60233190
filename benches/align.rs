//! Analysis benchmark: end-to-end analysis (alignment and framing) of the samples and of the
//! 210 BASIL development articles at once, with peak memory, and the growth of cost with the
//! number of articles. Run with `cargo bench --bench align`; BASIL is read from
//! ../shared/data/basil-dev when present.

use framediff::model::Article;
use std::time::{Duration, Instant};

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn time(runs: usize, mut f: impl FnMut()) -> (Duration, Duration) {
    let mut v = Vec::new();
    for _ in 0..runs {
        let t = Instant::now();
        f();
        v.push(t.elapsed());
    }
    let min = *v.iter().min().unwrap_or(&Duration::ZERO);
    (median(v), min)
}

fn peak_rss_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

fn main() {
    let lex = framediff::Config::builtin();
    let (med, min) = time(50, || {
        let articles = framediff::samples::load().expect("samples");
        std::hint::black_box(framediff::analyze(articles, &lex));
    });
    println!(
        "samples (4 articles, read + analyse): median {:.2} ms, min {:.2} ms (budget 50 ms)",
        ms(med),
        ms(min)
    );

    let Some(dir) = framediff::eval::basil::default_dir() else {
        println!("BASIL dev data not found: skipping the 210-article run");
        return;
    };
    let corpus = framediff::eval::basil::load(&dir).expect("BASIL loads");
    let articles: Vec<Article> = corpus.iter().map(|b| b.article.clone()).collect();
    let words: usize = articles.iter().map(Article::word_count).sum();
    for n in [70, 140, 210] {
        let subset: Vec<Article> = articles.iter().take(n).cloned().collect();
        let (med, min) = time(if n == 210 { 5 } else { 3 }, || {
            std::hint::black_box(framediff::analyze(subset.clone(), &lex));
        });
        println!(
            "BASIL {n} articles: median {:.0} ms, min {:.0} ms",
            ms(med),
            ms(min)
        );
    }
    let (med, min) = time(5, || {
        std::hint::black_box(framediff::align::align(&articles, &lex));
    });
    println!(
        "BASIL 210 articles, alignment only (stories, pairs, topics, labels): median {:.0} ms, min {:.0} ms",
        ms(med),
        ms(min)
    );
    println!(
        "BASIL 210 articles hold {words} words; peak memory (VmHWM) {:.0} MB (budget 2 s, 500 MB)",
        peak_rss_mb().unwrap_or(f64::NAN)
    );
}
