//! The bundled sample articles (assets/samples), compiled in so that the window always opens
//! with something to compare. They are illustrative texts written for framediff.

use crate::error::IngestError;
use crate::ingest;
use crate::model::Article;

/// (file name, contents) of each sample.
pub const SAMPLES: &[(&str, &[u8])] = &[
    (
        "assets/samples/01-meridian-wire.md",
        include_bytes!("../assets/samples/01-meridian-wire.md"),
    ),
    (
        "assets/samples/02-volga-dispatch.html",
        include_bytes!("../assets/samples/02-volga-dispatch.html"),
    ),
    (
        "assets/samples/03-dnipro-observer.txt",
        include_bytes!("../assets/samples/03-dnipro-observer.txt"),
    ),
    (
        "assets/samples/04-long-view.md",
        include_bytes!("../assets/samples/04-long-view.md"),
    ),
];

/// Reads the bundled samples.
pub fn load() -> Result<Vec<Article>, IngestError> {
    SAMPLES
        .iter()
        .map(|(name, bytes)| ingest::ingest(name, bytes))
        .collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn samples_load() {
        let a = super::load().unwrap();
        assert_eq!(a.len(), 4);
        assert!(a.iter().all(|a| a.illustrative));
    }
}
