//! Measured quality on annotated coverage (BASIL, Fan et al. 2019): story grouping, passage
//! alignment, lexical-bias cue recall and quote speakers; and of reading real web pages
//! (`pages`). Development tooling: it reads the corpus folder it is pointed at.

pub mod align_metrics;
pub mod basil;
pub mod ecb;
pub mod frame_metrics;
pub mod pages;
