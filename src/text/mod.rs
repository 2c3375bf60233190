//! Text primitives shared by the analysis: sentence segmentation and word tokens with stems.

pub mod analyzer;
pub mod segment;
pub mod tokens;
