//! Framing lexicons: user-editable data files in `assets/lexicons/` (format in the README
//! there), parsed here. The core does no I/O: callers hand over (file name, contents); the
//! shipped files are compiled in. Phrases are stored as stem sequences so inflections match.

use super::VerbClass;
use crate::error::LexiconError;
use crate::text::tokens::tokenize;
use std::collections::{HashMap, HashSet};

/// One lexicon entry.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    /// The phrase as written in the file.
    pub phrase: String,
    /// Its stems, matched against a sentence's stems.
    pub stems: Vec<String>,
    /// hedge, booster, intensifier, loaded, label, technique:<name>, frame:<dimension>, verb.
    pub category: String,
    /// Plain-words explanation.
    pub note: String,
    /// Polarity of loaded words (-1, 0, +1).
    pub polarity: i8,
    /// Label group (alternatives for one thing), for labels.
    pub group: Option<String>,
    /// Verb class, for reporting verbs.
    pub verb_class: Option<VerbClass>,
}

/// All lexicons the framing analysis uses.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Lexicons {
    pub entries: Vec<Entry>,
    /// First stem → indices of entries starting with it.
    by_first: HashMap<String, Vec<usize>>,
    /// VADER valence of strongly polar words, minus the descriptive news words.
    pub polar: HashMap<String, f32>,
    /// "-ly" adverbs that do not judge (time, frequency, procedure, degree of fact).
    pub neutral_adverbs: HashSet<String>,
    /// Inflected forms of single-word reporting verbs → entry index.
    verb_forms: HashMap<String, usize>,
}

/// The shipped lexicon files.
pub const BUILTIN: &[(&str, &str)] = &[
    (
        "hedges.txt",
        include_str!("../../assets/lexicons/hedges.txt"),
    ),
    (
        "boosters.txt",
        include_str!("../../assets/lexicons/boosters.txt"),
    ),
    (
        "intensifiers.txt",
        include_str!("../../assets/lexicons/intensifiers.txt"),
    ),
    (
        "loaded.txt",
        include_str!("../../assets/lexicons/loaded.txt"),
    ),
    (
        "labels.txt",
        include_str!("../../assets/lexicons/labels.txt"),
    ),
    (
        "techniques.txt",
        include_str!("../../assets/lexicons/techniques.txt"),
    ),
    (
        "frames.txt",
        include_str!("../../assets/lexicons/frames.txt"),
    ),
    (
        "reporting_verbs.txt",
        include_str!("../../assets/lexicons/reporting_verbs.txt"),
    ),
    (
        "descriptive.txt",
        include_str!("../../assets/lexicons/descriptive.txt"),
    ),
    (
        "neutral_adverbs.txt",
        include_str!("../../assets/lexicons/neutral_adverbs.txt"),
    ),
];

/// Smallest absolute VADER valence for a word to count as loaded.
pub const POLAR_THRESHOLD: f64 = 1.5;

const TECHNIQUES: &[&str] = &[
    "loaded_language",
    "name_calling",
    "exaggeration",
    "minimisation",
    "doubt",
    "appeal_to_fear",
    "flag_waving",
];

const DIMENSIONS: &[&str] = &[
    "economic",
    "capacity_and_resources",
    "morality",
    "fairness_and_equality",
    "legality",
    "policy_prescription",
    "crime_and_punishment",
    "security_and_defense",
    "health_and_safety",
    "quality_of_life",
    "cultural_identity",
    "public_opinion",
    "political",
    "external_regulation_and_reputation",
];

/// Plain-words description of a frame dimension.
pub fn describe_dimension(d: &str) -> &'static str {
    match d {
        "economic" => "the economic frame: costs, benefits, money",
        "capacity_and_resources" => {
            "the capacity and resources frame: what is available or lacking"
        }
        "morality" => "the morality frame: right and wrong, values",
        "fairness_and_equality" => "the fairness and equality frame: who is treated justly",
        "legality" => "the legality frame: laws, courts, rights",
        "policy_prescription" => "the policy frame: plans and what should be done",
        "crime_and_punishment" => "the crime and punishment frame: wrongdoing and its consequences",
        "security_and_defense" => "the security and defence frame: threats, armies, protection",
        "health_and_safety" => "the health and safety frame: harm to people's bodies and lives",
        "quality_of_life" => "the quality of life frame: effects on daily life",
        "cultural_identity" => "the cultural identity frame: traditions, history, belonging",
        "public_opinion" => "the public opinion frame: what people think",
        "political" => "the political frame: parties, power, manoeuvring",
        "external_regulation_and_reputation" => {
            "the external relations frame: a country's standing with others"
        }
        _ => "a frame dimension",
    }
}

fn err(file: &str, line: usize, message: impl Into<String>) -> LexiconError {
    LexiconError {
        file: file.to_string(),
        line,
        message: message.into(),
    }
}

/// Regular inflections of a verb: add, adds, added, adding; deny, denies, denied; slam, slammed.
pub fn inflections(lemma: &str) -> Vec<String> {
    let mut out = vec![lemma.to_string()];
    let b = lemma.as_bytes();
    let n = b.len();
    if n < 2 {
        return out;
    }
    let vowel = |c: u8| b"aeiou".contains(&c);
    if let Some(stem) = lemma.strip_suffix('e') {
        out.extend([
            format!("{lemma}s"),
            format!("{lemma}d"),
            format!("{stem}ing"),
        ]);
    } else if lemma.ends_with('y') && !vowel(b[n - 2]) {
        let stem = &lemma[..n - 1];
        out.extend([
            format!("{stem}ies"),
            format!("{stem}ied"),
            format!("{lemma}ing"),
        ]);
    } else {
        let es =
            if lemma.ends_with(['s', 'x', 'z']) || lemma.ends_with("sh") || lemma.ends_with("ch") {
                "es"
            } else {
                "s"
            };
        out.extend([
            format!("{lemma}{es}"),
            format!("{lemma}ed"),
            format!("{lemma}ing"),
        ]);
        // a short final consonant doubles: slam → slammed, snap → snapping
        if n >= 3
            && !vowel(b[n - 1])
            && vowel(b[n - 2])
            && !vowel(b[n - 3])
            && !b"wxy".contains(&b[n - 1])
        {
            let c = b[n - 1] as char;
            out.extend([format!("{lemma}{c}ed"), format!("{lemma}{c}ing")]);
        }
    }
    out
}

/// The "-ly" adverbs of an adjective (harsh → harshly, angry → angrily, cynic → cynically).
fn adverbs_of(adjective: &str) -> Vec<String> {
    let mut out = Vec::new();
    if let Some(base) = adjective.strip_suffix('y') {
        out.push(format!("{base}ily"));
    } else if let Some(base) = adjective.strip_suffix("le") {
        out.push(format!("{base}ly"));
    } else if adjective.ends_with("ic") {
        out.push(format!("{adjective}ally"));
    } else if !adjective.ends_with("ly") {
        out.push(format!("{adjective}ly"));
    }
    out
}

/// Stems of a phrase as the matcher sees them.
pub fn phrase_stems(phrase: &str) -> Vec<String> {
    tokenize(phrase).iter().map(|t| t.stem.clone()).collect()
}

impl Lexicons {
    /// The lexicons shipped with framediff.
    pub fn builtin() -> Lexicons {
        let sources: Vec<(String, String)> = BUILTIN
            .iter()
            .map(|(n, t)| (n.to_string(), t.to_string()))
            .collect();
        // The shipped files are checked by a test; never fail the app over them.
        Lexicons::from_sources(&sources).unwrap_or_default()
    }

    /// Parses lexicon files given as (file name, contents). Files are recognised by name
    /// (see `assets/lexicons/README.md`); other files (such as the README) are ignored.
    pub fn from_sources(sources: &[(String, String)]) -> Result<Lexicons, LexiconError> {
        let mut lex = Lexicons::default();
        let mut descriptive: HashSet<String> = HashSet::new();
        for (file, text) in sources {
            let kind = file.trim_end_matches(".txt");
            if !file.ends_with(".txt") || kind == "paraphrases" {
                continue;
            }
            for (n, raw) in text.lines().enumerate() {
                let line = raw.trim();
                if line.is_empty() || line.starts_with('#') {
                    continue;
                }
                let line_no = n + 1;
                if kind == "descriptive" {
                    descriptive.insert(line.to_lowercase());
                    continue;
                }
                if kind == "neutral_adverbs" {
                    lex.neutral_adverbs.insert(line.to_lowercase());
                    continue;
                }
                let fields: Vec<&str> = line.split('|').map(str::trim).collect();
                let phrase = fields[0];
                let stems = phrase_stems(phrase);
                if stems.is_empty() {
                    return Err(err(file, line_no, "the entry has no words"));
                }
                let need = |k: usize| -> Result<(), LexiconError> {
                    if fields.len() != k || fields.iter().any(|f| f.is_empty()) {
                        Err(err(
                            file,
                            line_no,
                            format!(
                                "expected {k} fields separated by ' | ', found {}",
                                fields.len()
                            ),
                        ))
                    } else {
                        Ok(())
                    }
                };
                let mut e = Entry {
                    phrase: phrase.to_string(),
                    stems,
                    category: String::new(),
                    note: String::new(),
                    polarity: 0,
                    group: None,
                    verb_class: None,
                };
                match kind {
                    "hedges" | "boosters" | "intensifiers" => {
                        need(2)?;
                        e.category = kind.trim_end_matches('s').to_string();
                        e.note = fields[1].to_string();
                    }
                    "loaded" => {
                        need(3)?;
                        e.polarity = match fields[1] {
                            "+" => 1,
                            "-" => -1,
                            other => {
                                return Err(err(
                                    file,
                                    line_no,
                                    format!("polarity must be + or -, not {other:?}"),
                                ));
                            }
                        };
                        e.category = "loaded".into();
                        e.note = fields[2].to_string();
                    }
                    "labels" => {
                        need(3)?;
                        e.category = "label".into();
                        e.group = Some(fields[1].to_string());
                        e.note = fields[2].to_string();
                    }
                    "techniques" => {
                        need(3)?;
                        if !TECHNIQUES.contains(&fields[1]) {
                            return Err(err(
                                file,
                                line_no,
                                format!(
                                    "unknown technique {:?}; use one of {}",
                                    fields[1],
                                    TECHNIQUES.join(", ")
                                ),
                            ));
                        }
                        e.category = format!("technique:{}", fields[1]);
                        e.note = fields[2].to_string();
                    }
                    "frames" => {
                        need(2)?;
                        if !DIMENSIONS.contains(&fields[1]) {
                            return Err(err(
                                file,
                                line_no,
                                format!(
                                    "unknown frame dimension {:?}; use one of {}",
                                    fields[1],
                                    DIMENSIONS.join(", ")
                                ),
                            ));
                        }
                        e.category = format!("frame:{}", fields[1]);
                        e.note = format!("Points to {}.", describe_dimension(fields[1]));
                    }
                    "reporting_verbs" => {
                        need(3)?;
                        e.verb_class = Some(match fields[1] {
                            "neutral" => VerbClass::Neutral,
                            "distancing" => VerbClass::Distancing,
                            "endorsing" => VerbClass::Endorsing,
                            "dismissive" => VerbClass::Dismissive,
                            "emotive" => VerbClass::Emotive,
                            other => {
                                return Err(err(
                                    file,
                                    line_no,
                                    format!("unknown verb class {other:?}"),
                                ));
                            }
                        });
                        e.category = "verb".into();
                        e.note = fields[2].to_string();
                    }
                    _ => {
                        return Err(err(
                            file,
                            line_no,
                            format!("framediff does not know the lexicon file {file:?}"),
                        ));
                    }
                }
                lex.entries.push(e);
            }
        }
        for (word, valence) in vader_sentiment::LEXICON.iter() {
            let w = word.to_lowercase();
            if valence.abs() >= POLAR_THRESHOLD
                && w.chars().all(|c| c.is_alphabetic() || c == '-')
                && !descriptive.contains(&w)
            {
                // manner adverbs made from a polar adjective judge too ("harsh" → "harshly")
                for adverb in adverbs_of(&w) {
                    if !descriptive.contains(&adverb) {
                        lex.polar.entry(adverb).or_insert(*valence as f32);
                    }
                }
                lex.polar.insert(w, *valence as f32);
            }
        }
        lex.index();
        Ok(lex)
    }

    fn index(&mut self) {
        self.by_first.clear();
        self.verb_forms.clear();
        for (i, e) in self.entries.iter().enumerate() {
            self.by_first.entry(e.stems[0].clone()).or_default().push(i);
            if e.verb_class.is_some() && e.stems.len() == 1 {
                for form in inflections(&e.phrase.to_lowercase()) {
                    self.verb_forms.entry(form).or_insert(i);
                }
            }
        }
    }

    /// The reporting verb entry for a word as written ("added", "denies", "slammed").
    pub fn verb_form(&self, word: &str) -> Option<&Entry> {
        self.verb_forms
            .get(&word.to_lowercase())
            .map(|&i| &self.entries[i])
    }

    /// Entries whose phrase starts with this stem.
    pub fn starting_with(&self, stem: &str) -> &[usize] {
        self.by_first.get(stem).map_or(&[], Vec::as_slice)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_lexicons_parse() {
        let sources: Vec<(String, String)> = BUILTIN
            .iter()
            .map(|(n, t)| (n.to_string(), t.to_string()))
            .collect();
        let lex = Lexicons::from_sources(&sources).expect("shipped lexicons are valid");
        assert!(
            lex.entries
                .iter()
                .any(|e| e.category == "hedge" && e.phrase == "remains to be seen")
        );
        assert!(
            lex.entries
                .iter()
                .any(|e| e.category == "label" && e.group.as_deref() == Some("annexation"))
        );
        assert!(lex.polar.len() > 500);
        assert!(
            !lex.polar.contains_key("killed"),
            "descriptive words are not loaded"
        );
    }

    #[test]
    fn bad_lexicon_is_a_clear_error() {
        let bad = vec![(
            "loaded.txt".to_string(),
            "# ok\nslam | - | note\nphony | maybe | note\n".to_string(),
        )];
        let e = Lexicons::from_sources(&bad).unwrap_err();
        assert_eq!((e.file.as_str(), e.line), ("loaded.txt", 3));
        assert!(e.to_string().contains("polarity"), "{e}");
        let missing = vec![("hedges.txt".to_string(), "perhaps\n".to_string())];
        assert!(
            Lexicons::from_sources(&missing)
                .unwrap_err()
                .message
                .contains("2 fields")
        );
        let unknown = vec![("frames.txt".to_string(), "cost | money\n".to_string())];
        assert!(
            Lexicons::from_sources(&unknown)
                .unwrap_err()
                .message
                .contains("unknown frame dimension")
        );
    }
}
