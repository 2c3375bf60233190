//! Reporting-verb classes in plain words.

use super::VerbClass;

/// The class name as written in reports.
pub fn class_name(c: VerbClass) -> &'static str {
    match c {
        VerbClass::Neutral => "neutral",
        VerbClass::Distancing => "distancing",
        VerbClass::Endorsing => "endorsing",
        VerbClass::Dismissive => "dismissive",
        VerbClass::Emotive => "emotive",
    }
}

/// What a class does to the reader's view of the quote.
pub fn class_effect(c: VerbClass) -> &'static str {
    match c {
        VerbClass::Neutral => "reports the words without comment",
        VerbClass::Distancing => {
            "distances the writer from the words, suggesting they may not be true"
        }
        VerbClass::Endorsing => "presents the words as true",
        VerbClass::Dismissive => "reports a rejection and stresses it",
        VerbClass::Emotive => "colours the speaker as forceful or emotional",
    }
}
