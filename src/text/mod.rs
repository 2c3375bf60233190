//! Text primitives shared by the analysis: sentence segmentation, word tokens with stems,
//! static sentence embeddings and WordNet word relations.

pub mod analyzer;
pub mod embed;
pub mod memo;
pub mod segment;
pub mod tokens;
pub mod vocab_table;
pub mod wordnet;
