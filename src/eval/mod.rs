//! Measured quality on annotated coverage (BASIL, Fan et al. 2019): story grouping, passage
//! alignment, lexical-bias cue recall and quote speakers; and of reading real web pages
//! (`pages`). Development tooling: it reads the corpus folder it is pointed at.

pub mod align_metrics;
pub mod basil;
pub mod ecb;
pub mod ecb_misses;
pub mod frame_metrics;
pub mod pages;

/// How a figure stands against its bar, for the printed reports: "bar >= 0.80", and ": not
/// met" after it when the figure is below, so that a figure printed rounded up to the bar
/// (0.7998 as 0.800) is not read as meeting it.
pub(crate) fn bar(value: f64, min: f64) -> String {
    let verdict = if value < min { ": not met" } else { "" };
    format!("bar >= {min:.2}{verdict}")
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_figure_rounded_up_to_its_bar_does_not_meet_it() {
        assert_eq!(super::bar(0.7998, 0.8), "bar >= 0.80: not met");
        assert_eq!(super::bar(0.8, 0.8), "bar >= 0.80");
        assert_eq!(super::bar(0.95, 0.9), "bar >= 0.90");
    }
}
