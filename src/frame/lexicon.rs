//! Framing lexicons: user-editable data files in `assets/lexicons/` (format in the README
//! there), parsed here. The core does no I/O: callers hand over (file name, contents); the
//! shipped files are compiled in. Phrases are stored as stem sequences so inflections match.

use super::vocab::{CueKind, FrameDimension, Technique, VerbClass};
use crate::error::LexiconError;
use crate::text::tokens::{tokenize, with_lowercase};
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

/// One lexicon entry.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    /// The phrase as written in the file.
    pub phrase: String,
    /// Its stems, matched against a sentence's stems.
    pub stems: Vec<String>,
    /// What a match of the entry is (reporting verbs are `Attribution`).
    pub category: CueKind,
    /// Plain-words explanation.
    pub note: String,
    /// Polarity of loaded words (-1, 0, +1).
    pub polarity: i8,
    /// Label group (alternatives for one thing), for labels.
    pub group: Option<String>,
    /// Verb class, for reporting verbs.
    pub verb_class: Option<VerbClass>,
    /// Longer phrases (lower case) in which the entry is not meant: "regime change" names a
    /// policy, not a government. Labels only (`not in:` field).
    pub not_in: Vec<String>,
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
    /// Role words before a name or standing for a person → the role they name
    /// (person_roles.txt: "sen" → "senator").
    pub person_roles: HashMap<String, String>,
    /// Capitalised words that are not parts of a person's name (not_names.txt).
    pub not_names: HashSet<String>,
    /// Nouns naming a group or institution that can speak (group_speakers.txt).
    pub group_speakers: HashSet<String>,
    /// Words after which a reporting verb is a noun (noun_markers.txt).
    pub noun_markers: HashSet<String>,
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
    (
        "person_roles.txt",
        include_str!("../../assets/lexicons/person_roles.txt"),
    ),
    (
        "not_names.txt",
        include_str!("../../assets/lexicons/not_names.txt"),
    ),
    (
        "group_speakers.txt",
        include_str!("../../assets/lexicons/group_speakers.txt"),
    ),
    (
        "noun_markers.txt",
        include_str!("../../assets/lexicons/noun_markers.txt"),
    ),
];

/// Word-list files: one word a line (`!word` removes a built-in one).
const WORD_LISTS: &[&str] = &[
    "descriptive",
    "neutral_adverbs",
    "person_roles",
    "not_names",
    "group_speakers",
    "noun_markers",
];

/// Smallest absolute VADER valence for a word to count as loaded.
pub const POLAR_THRESHOLD: f64 = 1.5;

/// The `not in: a, b` field of a label: phrases that contain the label's phrase and in which
/// it means something else.
fn not_in(field: &str, phrase: &str) -> Result<Vec<String>, String> {
    let Some(list) = field.trim().strip_prefix("not in:") else {
        return Err(format!(
            "the fourth field of a label must be \"not in: phrase, phrase\", not {:?}",
            field.trim()
        ));
    };
    let phrase = phrase.to_lowercase();
    list.split(',')
        .map(|p| p.trim().to_lowercase())
        .filter(|p| !p.is_empty())
        .map(|p| {
            if p.contains(&phrase) {
                Ok(p)
            } else {
                Err(format!("{p:?} does not contain the label {phrase:?}"))
            }
        })
        .collect()
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

/// The "-ly" adverb of an adjective (harsh → harshly, angry → angrily, cynic → cynically),
/// written into `out`; false when the adjective makes none here (it ends in "-ly").
fn adverb_of(adjective: &str, out: &mut String) -> bool {
    out.clear();
    if let Some(base) = adjective.strip_suffix('y') {
        out.push_str(base);
        out.push_str("ily");
    } else if let Some(base) = adjective.strip_suffix("le") {
        out.push_str(base);
        out.push_str("ly");
    } else if adjective.ends_with("ic") {
        out.push_str(adjective);
        out.push_str("ally");
    } else if !adjective.ends_with("ly") {
        out.push_str(adjective);
        out.push_str("ly");
    } else {
        return false;
    }
    true
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

    /// The built-in lexicons overlaid by the user's files, given as (file name, contents): an
    /// entry of a user file is added to the built-in file of the same name, replaces a built-in
    /// entry with the same phrase, and a line `!phrase` removes one.
    pub fn overlay(user: &[(String, String)]) -> Result<Lexicons, LexiconError> {
        let mut sources: Vec<(String, String)> = BUILTIN
            .iter()
            .map(|(n, t)| (n.to_string(), t.to_string()))
            .collect();
        sources.extend(user.iter().cloned());
        Lexicons::from_sources(&sources)
    }

    /// Parses lexicon files given as (file name, contents), in order: a later entry with the
    /// phrase of an earlier one of the same file kind replaces it, and `!phrase` removes it.
    /// Files are recognised by name (see `assets/lexicons/README.md`); other files (such as the
    /// README, or `paraphrases.txt`, which alignment reads) are ignored here.
    pub fn from_sources(sources: &[(String, String)]) -> Result<Lexicons, LexiconError> {
        let mut lex = Lexicons::default();
        let mut descriptive: HashSet<String> = HashSet::default();
        // (file kind, lower-case phrase) -> position in `entries`; removed entries become None
        let mut entries: Vec<Option<Entry>> = Vec::new();
        let mut by_phrase: HashMap<(String, String), usize> = HashMap::default();
        for (file, text) in sources {
            let name = std::path::Path::new(file)
                .file_name()
                .and_then(|n| n.to_str())
                .unwrap_or(file);
            let kind = name.trim_end_matches(".txt");
            if !name.ends_with(".txt") || kind == "paraphrases" {
                continue;
            }
            for (n, raw) in text.lines().enumerate() {
                let line = raw.trim();
                if line.is_empty() || line.starts_with('#') {
                    continue;
                }
                let line_no = n + 1;
                if let Some(removed) = line.strip_prefix('!') {
                    let word = removed.trim().to_lowercase();
                    match kind {
                        "descriptive" => {
                            descriptive.remove(&word);
                        }
                        "neutral_adverbs" => {
                            lex.neutral_adverbs.remove(&word);
                        }
                        "person_roles" => {
                            lex.person_roles.remove(&word);
                        }
                        "not_names" => {
                            lex.not_names.remove(&word);
                        }
                        "group_speakers" => {
                            lex.group_speakers.remove(&word);
                        }
                        "noun_markers" => {
                            lex.noun_markers.remove(&word);
                        }
                        _ => match by_phrase.remove(&(kind.to_string(), word)) {
                            Some(i) => entries[i] = None,
                            None => {
                                return Err(err(
                                    file,
                                    line_no,
                                    "`!` removes an entry, but no earlier entry has this phrase",
                                ));
                            }
                        },
                    }
                    continue;
                }
                if WORD_LISTS.contains(&kind) {
                    let mut fields = line.split('|').map(str::trim);
                    let word = fields.next().unwrap_or_default();
                    let role = fields.next();
                    let more = fields.next().is_some();
                    let well_formed = match kind {
                        "person_roles" => !more,
                        _ => role.is_none(),
                    } && !word.is_empty()
                        && role.is_none_or(|r| !r.is_empty());
                    if !well_formed {
                        return Err(err(
                            file,
                            line_no,
                            if kind == "person_roles" {
                                "expected a word, or `short form | role`"
                            } else {
                                "expected one word (or phrase) a line"
                            },
                        ));
                    }
                    let word = with_lowercase(word, str::to_string);
                    match kind {
                        "descriptive" => {
                            descriptive.insert(word);
                        }
                        "neutral_adverbs" => {
                            lex.neutral_adverbs.insert(word);
                        }
                        "person_roles" => {
                            let role = role.map_or_else(
                                || word.clone(),
                                |r| with_lowercase(r, str::to_string),
                            );
                            lex.person_roles.insert(word, role);
                        }
                        "not_names" => {
                            lex.not_names.insert(word);
                        }
                        "group_speakers" => {
                            lex.group_speakers.insert(word);
                        }
                        _ => {
                            lex.noun_markers.insert(word);
                        }
                    }
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
                    category: CueKind::Hedge,
                    note: String::new(),
                    polarity: 0,
                    group: None,
                    verb_class: None,
                    not_in: Vec::new(),
                };
                match kind {
                    "hedges" | "boosters" | "intensifiers" => {
                        need(2)?;
                        e.category = match kind {
                            "hedges" => CueKind::Hedge,
                            "boosters" => CueKind::Booster,
                            _ => CueKind::Intensifier,
                        };
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
                        e.category = CueKind::Loaded;
                        e.note = fields[2].to_string();
                    }
                    "labels" => {
                        // a fourth field is optional: `not in: …`
                        need(fields.len().clamp(3, 4))?;
                        e.category = CueKind::Label;
                        e.group = Some(fields[1].to_string());
                        e.note = fields[2].to_string();
                        if let Some(extra) = fields.get(3) {
                            e.not_in =
                                not_in(extra, &e.phrase).map_err(|m| err(file, line_no, m))?;
                        }
                    }
                    "techniques" => {
                        need(3)?;
                        let t: Technique = fields[1].parse().map_err(|m| err(file, line_no, m))?;
                        e.category = CueKind::Technique(t);
                        e.note = fields[2].to_string();
                    }
                    "frames" => {
                        need(2)?;
                        let d: FrameDimension =
                            fields[1].parse().map_err(|m| err(file, line_no, m))?;
                        e.category = CueKind::Frame(d);
                        e.note = format!("Points to {}.", d.describe());
                    }
                    "reporting_verbs" => {
                        need(3)?;
                        let class: VerbClass =
                            fields[1].parse().map_err(|m| err(file, line_no, m))?;
                        e.verb_class = Some(class);
                        e.category = CueKind::Attribution;
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
                let key = (kind.to_string(), e.phrase.to_lowercase());
                match by_phrase.get(&key) {
                    Some(&i) => entries[i] = Some(e),
                    None => {
                        by_phrase.insert(key, entries.len());
                        entries.push(Some(e));
                    }
                }
            }
        }
        lex.entries = entries.into_iter().flatten().collect();
        // in the file's order: an adverb two adjectives share takes the first one's valence
        let mut adverb = String::new();
        let vader = super::tone::vader_entries();
        // room for every strong word and its adverb at once: no growing the map as it fills
        let strong = vader
            .iter()
            .filter(|(_, v)| f64::from(v.abs()) >= POLAR_THRESHOLD)
            .count();
        lex.polar.reserve(2 * strong);
        for &(word, valence) in vader {
            if f64::from(valence.abs()) < POLAR_THRESHOLD {
                continue;
            }
            // most of VADER's words are lower-case already: looked at without a copy
            with_lowercase(word, |w| {
                if w.chars().all(|c| c.is_alphabetic() || c == '-') && !descriptive.contains(w) {
                    // manner adverbs made from a polar adjective judge too ("harsh" → "harshly")
                    if adverb_of(w, &mut adverb)
                        && !descriptive.contains(&adverb)
                        && !lex.polar.contains_key(&adverb)
                    {
                        lex.polar.insert(adverb.clone(), valence);
                    }
                    lex.polar.insert(w.to_string(), valence);
                }
            });
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
        // most callers pass a word already in lower case: looked up without a copy
        crate::text::tokens::with_lowercase(word, |l| self.verb_forms.get(l).copied())
            .map(|i| &self.entries[i])
    }

    /// Entries whose phrase starts with this stem.
    pub fn starting_with(&self, stem: &str) -> &[usize] {
        self.by_first.get(stem).map_or(&[], Vec::as_slice)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The strong VADER words and their adverbs as first written: every word lower-cased, its
    /// adverbs made with `format!`, each inserted through the map's entry.
    fn polar_as_first_written(descriptive: &HashSet<String>) -> HashMap<String, f32> {
        let adverbs_of = |adjective: &str| -> Vec<String> {
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
        };
        let mut polar: HashMap<String, f32> = HashMap::default();
        for &(word, valence) in crate::frame::tone::vader_entries() {
            let w = word.to_lowercase();
            if f64::from(valence.abs()) >= POLAR_THRESHOLD
                && w.chars().all(|c| c.is_alphabetic() || c == '-')
                && !descriptive.contains(&w)
            {
                for adverb in adverbs_of(&w) {
                    if !descriptive.contains(&adverb) {
                        polar.entry(adverb).or_insert(valence);
                    }
                }
                polar.insert(w, valence);
            }
        }
        polar
    }

    #[test]
    fn the_polar_words_are_the_strong_vader_words_and_their_adverbs_as_first_written() {
        let lex = Lexicons::builtin();
        let descriptive: HashSet<String> = BUILTIN
            .iter()
            .find(|(n, _)| *n == "descriptive.txt")
            .map(|(_, t)| {
                t.lines()
                    .map(str::trim)
                    .filter(|l| !l.is_empty() && !l.starts_with('#'))
                    .map(str::to_lowercase)
                    .collect()
            })
            .unwrap_or_default();
        assert!(descriptive.len() > 100);
        let want = polar_as_first_written(&descriptive);
        assert!(want.len() > 1000);
        assert_eq!(lex.polar, want);
        // a word the user calls descriptive leaves the map, with its adverb
        let (word, adverb) = want
            .keys()
            .filter_map(|w| {
                let mut a = String::new();
                (adverb_of(w, &mut a) && want.contains_key(&a)).then(|| (w.clone(), a))
            })
            .min()
            .expect("a polar word with its adverb");
        let user = vec![("descriptive.txt".to_string(), format!("{word}\n{adverb}\n"))];
        let lex = Lexicons::overlay(&user).unwrap();
        assert!(!lex.polar.contains_key(&word) && !lex.polar.contains_key(&adverb));
        let mut more = descriptive.clone();
        more.extend([word, adverb]);
        assert_eq!(lex.polar, polar_as_first_written(&more));
    }

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
                .any(|e| e.category == CueKind::Hedge && e.phrase == "remains to be seen")
        );
        assert!(
            lex.entries
                .iter()
                .any(|e| e.category == CueKind::Label && e.group.as_deref() == Some("annexation"))
        );
        assert!(lex.polar.len() > 500);
        assert_eq!(
            lex.person_roles.get("sen").map(String::as_str),
            Some("senator")
        );
        assert!(lex.not_names.contains("january") && lex.group_speakers.contains("officials"));
        assert!(lex.noun_markers.contains("the"));
        assert!(
            !lex.polar.contains_key("killed"),
            "descriptive words are not loaded"
        );
    }

    #[test]
    fn user_files_overlay_the_builtins() {
        let base = Lexicons::builtin();
        let user = vec![(
            "loaded.txt".to_string(),
            "# mine\nbrazen | - | my note\n!slam\n".to_string(),
        )];
        let lex = Lexicons::overlay(&user).expect("overlay parses");
        assert!(
            lex.entries
                .iter()
                .any(|e| e.phrase == "brazen" && e.note == "my note")
        );
        assert!(
            !lex.entries
                .iter()
                .any(|e| e.phrase == "slam" && e.category == CueKind::Loaded)
        );
        // everything else of the built-ins is still there
        assert!(lex.entries.len() + 2 >= base.entries.len());
        assert!(lex.entries.iter().any(|e| e.category == CueKind::Hedge));
        let bad = vec![("loaded.txt".to_string(), "!no-such-entry\n".to_string())];
        let e = Lexicons::overlay(&bad).unwrap_err();
        assert_eq!((e.file.as_str(), e.line), ("loaded.txt", 1));
    }

    #[test]
    fn word_lists_take_one_word_a_line_and_roles_a_short_form() {
        let ok = Lexicons::from_sources(&[
            (
                "person_roles.txt".into(),
                "# c\nGov | Governor\nmayor\n".into(),
            ),
            ("not_names.txt".into(), "  Tuesday  \n".into()),
        ])
        .unwrap();
        assert_eq!(
            ok.person_roles.get("gov").map(String::as_str),
            Some("governor")
        );
        assert_eq!(
            ok.person_roles.get("mayor").map(String::as_str),
            Some("mayor")
        );
        assert!(ok.not_names.contains("tuesday"));
        for (file, text, line) in [
            ("person_roles.txt", "gov | governor | x\n", 1),
            ("person_roles.txt", "ok\ngov |\n", 2),
            ("person_roles.txt", "| governor\n", 1),
            ("not_names.txt", "a | b\n", 1),
            ("noun_markers.txt", "the\n |\n", 2),
        ] {
            let e = Lexicons::from_sources(&[(file.into(), text.into())]).unwrap_err();
            assert_eq!((e.file.as_str(), e.line), (file, line), "{text:?}");
            assert!(e.message.starts_with("expected"), "{e}");
        }
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

    #[test]
    fn a_label_lists_the_phrases_it_is_not_in_and_a_bad_list_names_its_line() {
        let lex = Lexicons::builtin();
        let regime = lex.entries.iter().find(|e| e.phrase == "regime").unwrap();
        assert!(regime.not_in.iter().any(|p| p == "regime change"));
        let bad = Lexicons::from_sources(&[(
            "labels.txt".into(),
            "# x\nregime | government | A word. | except: regime change\n".into(),
        )]);
        let e = bad.unwrap_err().to_string();
        assert!(e.contains("line 2") && e.contains("not in:"), "{e}");
        let unrelated = Lexicons::from_sources(&[(
            "labels.txt".into(),
            "regime | government | A word. | not in: tax reform\n".into(),
        )]);
        assert!(
            unrelated
                .unwrap_err()
                .to_string()
                .contains("does not contain")
        );
    }
}
