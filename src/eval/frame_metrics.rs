//! Framing quality on BASIL: recall of the annotated lexical-bias spans by framediff's cues
//! (with the share of words the cues cover), and the speaker of annotated quotations.

use super::basil::BasilArticle;
use crate::frame::{self, Lexicons};
use crate::model::ArticleId;
use std::fmt;

/// Cues that count as word-choice bias markers: everything about wording (hedges, boosters,
/// intensifiers, loaded words, labels, techniques), not attribution or frames.
pub fn is_bias_cue(cue: &frame::Cue) -> bool {
    cue.category.is_wording()
}

#[derive(Debug, Clone, Default)]
pub struct FrameMetrics {
    pub lex_spans: usize,
    pub lex_hits: usize,
    pub cue_words: usize,
    pub words: usize,
    pub speaker_spans: usize,
    pub speaker_hits: usize,
    /// Hits by the speaker's name alone (without the affiliation the article gives).
    pub speaker_name_hits: usize,
    pub speaker_with_quote: usize,
    /// Of `speaker_spans`, those whose BASIL speaker is one named person ([`names_one_person`]):
    /// the spans issue 10's bar is measured over.
    pub person_spans: usize,
    /// Of `person_spans`, those our speaker names by name alone.
    pub person_name_hits: usize,
    /// Quotations found (direct speech only: BASIL annotates quotations).
    pub quotes: usize,
    /// Reported speech found (indirect voices), counted apart from the quotations.
    pub indirect: usize,
    pub millis: u128,
    /// Per cue family ("loaded", "hedge", …): words it highlights and lexical-bias spans it hits
    /// (a span hit by two families counts for both).
    pub by_family: std::collections::BTreeMap<&'static str, (usize, usize)>,
}

impl FrameMetrics {
    pub fn recall(&self) -> f64 {
        self.lex_hits as f64 / self.lex_spans.max(1) as f64
    }
    pub fn density(&self) -> f64 {
        self.cue_words as f64 / self.words.max(1) as f64
    }
    pub fn speaker_accuracy(&self) -> f64 {
        self.speaker_hits as f64 / self.speaker_spans.max(1) as f64
    }
    /// Speaker accuracy by name alone over the quotes whose speaker is one named person.
    pub fn person_accuracy(&self) -> f64 {
        self.person_name_hits as f64 / self.person_spans.max(1) as f64
    }
}

impl fmt::Display for FrameMetrics {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "framing (analysed in {} ms)", self.millis)?;
        writeln!(
            f,
            "  lexical-bias recall      {:.3}   ({} of {} lex spans; {}, issue 10)",
            self.recall(),
            self.lex_hits,
            self.lex_spans,
            super::bar(self.recall(), 0.55)
        )?;
        writeln!(
            f,
            "  bias-cue word density    {:.2}%  ({} of {} words; bar <= 3%, issue 10)",
            self.density() * 100.0,
            self.cue_words,
            self.words
        )?;
        for (family, (words, hits)) in &self.by_family {
            writeln!(
                f,
                "    {family:<12}           {words:>5} words highlighted, {hits:>3} lex spans hit"
            )?;
        }
        writeln!(
            f,
            "  speaker accuracy         {:.3}   ({} of {} quote spans with a named speaker, by name or by the affiliation the article gives; {} had an overlapping quote)",
            self.speaker_accuracy(),
            self.speaker_hits,
            self.speaker_spans,
            self.speaker_with_quote
        )?;
        writeln!(
            f,
            "  speaker by name alone    {:.3}   ({} of {}: every named speaker, groups included)",
            self.speaker_name_hits as f64 / self.speaker_spans.max(1) as f64,
            self.speaker_name_hits,
            self.speaker_spans
        )?;
        writeln!(
            f,
            "    one named person       {:.3}   ({} of {} quote spans whose speaker is one named person; {}, issue 10)",
            self.person_accuracy(),
            self.person_name_hits,
            self.person_spans,
            super::bar(self.person_accuracy(), 0.8)
        )?;
        writeln!(f, "  quotes found             {}", self.quotes)?;
        write!(
            f,
            "  indirect voices found    {}   (reported speech; not counted above nor matched to BASIL's quote spans)",
            self.indirect
        )
    }
}

/// Whether our speaker names BASIL's ("Jane_Okafor"): the last names agree.
pub fn same_speaker(ours: &str, basil: &str) -> bool {
    let norm = |s: &str| s.replace(['_', '.'], " ").to_lowercase();
    let (o, b) = (norm(ours), norm(basil));
    let last_o = o.split_whitespace().last().unwrap_or("");
    let last_b = b.split_whitespace().last().unwrap_or("");
    // BASIL's names lose accented letters ("Ana_Ord" for Ordóñez): compare prefixes
    let close = |x: &str, y: &str| {
        x == y || (x.len() >= 4 && y.len() >= 4 && (x.starts_with(y) || y.starts_with(x)))
    };
    !last_o.is_empty()
        && (close(last_o, last_b)
            || b.split_whitespace().any(|w| w == last_o)
            || o.split_whitespace().any(|w| w == last_b))
}

/// Whether a BASIL speaker label names one person ("Jane_Okafor"), not a group
/// ("Senate_Republicans", "Okafor_campaign", "NTLA", "Farmers"): two or more capitalised words
/// (not acronyms), none of them lower-case, the last not the plural of a noun WordNet knows as a
/// person or group. Conservative: a group with a proper name of two capitalised words is counted
/// as a person and so scored as one.
pub fn names_one_person(label: &str) -> bool {
    let parts: Vec<&str> = label.split('_').filter(|p| !p.is_empty()).collect();
    let capitalised = |p: &&str| {
        p.chars().next().is_some_and(char::is_uppercase) && p.chars().any(char::is_lowercase)
    };
    let plural_of_actor = |p: &str| {
        let lower = p.to_lowercase();
        lower
            .strip_suffix('s')
            .is_some_and(crate::frame::entities::is_actor_noun)
    };
    parts.len() >= 2
        && parts.iter().all(capitalised)
        && !parts.last().is_some_and(|p| plural_of_actor(p))
}

/// Whether the description of a speaker ("Riverside Taxpayers League organizer") names BASIL's
/// speaker when that is an organisation or group ("Taxpayers_League"): every word of it appears.
pub fn names_group(described: &str, basil: &str) -> bool {
    let singular = |w: &str| w.trim_end_matches('s').to_string();
    let d = described.to_lowercase();
    let words: Vec<String> = basil
        .split('_')
        .map(|w| singular(&w.to_lowercase()))
        .filter(|w| w.len() > 1)
        .collect();
    !words.is_empty()
        && words.iter().all(|w| {
            d.split(|c: char| !c.is_alphanumeric())
                .any(|x| singular(x) == *w)
        })
}

/// Runs the framing analysis over every article and measures it.
pub fn measure(corpus: &[BasilArticle], lexicons: &Lexicons) -> FrameMetrics {
    let mut m = FrameMetrics::default();
    let started = std::time::Instant::now();
    let articles: Vec<crate::model::Article> = corpus.iter().map(|b| b.article.clone()).collect();
    let framing = frame::analyze(&articles, &crate::align::Aligned::default(), lexicons);
    m.millis = started.elapsed().as_millis();
    m.quotes = framing.quotes.iter().filter(|q| q.is_direct()).count();
    m.indirect = framing.quotes.len() - m.quotes;
    for (i, b) in corpus.iter().enumerate() {
        for s in &b.article.sentences {
            let words = crate::text::tokens::tokenize(&s.text);
            m.words += words.len();
            let cues: Vec<&frame::Cue> = framing
                .cues
                .iter()
                .filter(|c| c.article == ArticleId(i) && c.sentence == s.index && is_bias_cue(c))
                .collect();
            for w in &words {
                let covering: Vec<&&frame::Cue> = cues
                    .iter()
                    .filter(|c| c.start <= w.start && c.end >= w.end)
                    .collect();
                m.cue_words += usize::from(!covering.is_empty());
                for c in covering {
                    m.by_family.entry(c.category.family()).or_default().0 += 1;
                }
            }
        }
        for ann in &b.annotations {
            let (Some(sent), Some((start, end))) = (ann.sentence(), b.span(ann)) else {
                continue;
            };
            if ann.bias == "lex" {
                m.lex_spans += 1;
                let hits: std::collections::BTreeSet<&'static str> = framing
                    .cues
                    .iter()
                    .filter(|c| {
                        c.article == ArticleId(i)
                            && c.sentence == sent
                            && is_bias_cue(c)
                            && c.start < end
                            && c.end > start
                    })
                    .map(|c| c.category.family())
                    .collect();
                if !hits.is_empty() {
                    m.lex_hits += 1;
                }
                for family in hits {
                    m.by_family.entry(family).or_default().1 += 1;
                }
            }
            let named = !ann.speaker.is_empty() && !ann.speaker.starts_with("other");
            if ann.quote == "yes" && named {
                m.speaker_spans += 1;
                let person = names_one_person(&ann.speaker);
                m.person_spans += usize::from(person);
                let overlapping: Vec<&frame::Quote> = framing
                    .quotes
                    .iter()
                    .filter(|q| {
                        q.is_direct()
                            && q.article == ArticleId(i)
                            && q.sentence == sent
                            && q.start < end
                            && q.end > start
                    })
                    .collect();
                if !overlapping.is_empty() {
                    m.speaker_with_quote += 1;
                }
                if overlapping.iter().any(|q| {
                    q.speaker
                        .as_deref()
                        .is_some_and(|sp| same_speaker(sp, &ann.speaker))
                }) {
                    m.speaker_hits += 1;
                    m.speaker_name_hits += 1;
                    m.person_name_hits += usize::from(person);
                } else if overlapping.iter().any(|q| {
                    q.speaker_role
                        .as_deref()
                        .is_some_and(|r| names_group(r, &ann.speaker))
                }) {
                    m.speaker_hits += 1;
                }
            }
        }
    }
    m
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_named_person_is_not_a_group() {
        assert!(names_one_person("Jane_Okafor"));
        assert!(names_one_person("Mary_Ann_Delacroix"));
        assert!(names_one_person("Tom_Sanders"));
        assert!(!names_one_person("Senate_Republicans"));
        assert!(!names_one_person("Democratic_Lawmakers"));
        assert!(!names_one_person("Okafor_campaign"));
        assert!(!names_one_person("NTLA"));
        assert!(!names_one_person("Farmers"));
        assert!(!names_one_person("State_Department_officials"));
    }

    #[test]
    fn speaker_names_match_by_last_name() {
        assert!(same_speaker("Jane Okafor", "Jane_Okafor"));
        assert!(same_speaker("Okafor", "Jane_Okafor"));
        assert!(!same_speaker("Tom Sanders", "Jane_Okafor"));
    }
}
