//! Loading the BASIL corpus (articles/YEAR/TRIPLET_N.json and annotations/YEAR/TRIPLET_N_ann.json)
//! into articles that keep BASIL's own sentence split, so that annotation offsets stay valid.

use crate::model::{Article, Format};
use crate::text::segment::segment_given;
use serde::Deserialize;
use std::path::{Path, PathBuf};

#[derive(Debug, Deserialize)]
struct RawArticle {
    #[serde(default)]
    title: String,
    #[serde(default)]
    date: Option<String>,
    #[serde(default)]
    source: Option<String>,
    #[serde(rename = "triplet-uuid", default)]
    triplet: String,
    #[serde(rename = "main-event", default)]
    main_event: String,
    #[serde(rename = "body-paragraphs", default)]
    paragraphs: Vec<Vec<String>>,
}

#[derive(Debug, Deserialize)]
struct RawAnnotations {
    #[serde(rename = "phrase-level-annotations", default)]
    phrases: Vec<Annotation>,
}

/// One BASIL phrase-level annotation. Offsets are converted to bytes of the sentence text.
#[derive(Debug, Clone, Deserialize)]
pub struct Annotation {
    /// "pK" (sentence K of the flattened body) or "title".
    pub id: String,
    /// Character offsets as published; see [`BasilArticle::span`] for byte offsets.
    pub start: usize,
    pub end: usize,
    pub txt: String,
    /// "lex" or "inf".
    pub bias: String,
    #[serde(default)]
    pub polarity: String,
    #[serde(default)]
    pub target: String,
    #[serde(default)]
    pub quote: String,
    #[serde(default)]
    pub speaker: String,
}

impl Annotation {
    /// The sentence index, when the annotation is in the body.
    pub fn sentence(&self) -> Option<usize> {
        self.id.strip_prefix('p')?.parse().ok()
    }
}

/// A BASIL article with its annotations.
#[derive(Debug, Clone)]
pub struct BasilArticle {
    pub triplet: String,
    pub main_event: String,
    pub article: Article,
    pub annotations: Vec<Annotation>,
}

impl BasilArticle {
    /// Byte range of an annotation within its sentence's text, if it fits.
    pub fn span(&self, ann: &Annotation) -> Option<(usize, usize)> {
        let sent = self.article.sentences.get(ann.sentence()?)?;
        let to_byte = |chars: usize| -> Option<usize> {
            if chars == sent.text.chars().count() {
                return Some(sent.text.len());
            }
            sent.text.char_indices().nth(chars).map(|(b, _)| b)
        };
        let (s, e) = (to_byte(ann.start)?, to_byte(ann.end)?);
        (s < e).then_some((s, e))
    }
}

fn json_files(dir: &Path, suffix: &str) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let Ok(years) = std::fs::read_dir(dir) else {
        return out;
    };
    for year in years.flatten() {
        let Ok(files) = std::fs::read_dir(year.path()) else {
            continue;
        };
        for f in files.flatten() {
            let p = f.path();
            if p.to_string_lossy().ends_with(suffix) {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

/// Loads every article under `root/articles` with its annotations from `root/annotations`.
pub fn load(root: &Path) -> Result<Vec<BasilArticle>, String> {
    let articles_dir = root.join("articles");
    if !articles_dir.is_dir() {
        return Err(format!("{} has no articles/ folder", root.display()));
    }
    let mut out = Vec::new();
    for path in json_files(&articles_dir, ".json") {
        let text =
            std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        let raw: RawArticle =
            serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))?;
        let rel = path.strip_prefix(&articles_dir).unwrap_or(&path);
        let ann_path = root
            .join("annotations")
            .join(rel.with_extension("").to_string_lossy().to_string() + "_ann.json");
        let annotations = match std::fs::read_to_string(&ann_path) {
            Ok(t) => {
                serde_json::from_str::<RawAnnotations>(&t)
                    .map_err(|e| format!("{}: {e}", ann_path.display()))?
                    .phrases
            }
            Err(_) => Vec::new(),
        };
        let seg = segment_given(&raw.paragraphs);
        let mut article = Article {
            path: path.display().to_string(),
            format: Format::Text,
            title: raw.title,
            source: raw.source,
            date: raw.date,
            ..Article::default()
        };
        article.set_segmented(seg);
        out.push(BasilArticle {
            triplet: raw.triplet,
            main_event: raw.main_event,
            article,
            annotations,
        });
    }
    Ok(out)
}

/// The development data: `FRAMEDIFF_BASIL` if set, else `../shared/data/basil-dev` beside the
/// checkout, if present.
pub fn default_dir() -> Option<PathBuf> {
    let p = match std::env::var_os("FRAMEDIFF_BASIL") {
        Some(dir) => PathBuf::from(dir),
        None => Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data/basil-dev"),
    };
    p.is_dir().then_some(p)
}
