//! Framing cues in a sentence: lexicon phrases matched on stems (multi-word, inflected), strongly
//! polar words from the VADER lexicon, and reporting verbs; each cue carries its reason.

use super::lexicon::Lexicons;
use super::{Cue, CueKind};
use crate::model::ArticleId;
use crate::text::tokens::Token;

/// Whether a word is a form of the verb `lemma` (said, says, saying, slammed, denies, described),
/// not a noun made from it ("dismissal", "claims" after "the" is handled by the caller).
pub fn is_verb_form(word: &str, stem: &str, lemma: &str) -> bool {
    let lemma = lemma.to_lowercase();
    if word == lemma {
        return true;
    }
    for suffix in ["ing", "ed", "es", "s", "d"] {
        if let Some(base) = word.strip_suffix(suffix) {
            let doubled = base.len() > 2 && {
                let b = base.as_bytes();
                b[b.len() - 1] == b[b.len() - 2] && base[..base.len() - 1] == lemma
            };
            let y_to_i = base
                .strip_suffix('i')
                .is_some_and(|b| format!("{b}y") == lemma);
            let _ = stem;
            if base == lemma || format!("{base}e") == lemma || doubled || y_to_i {
                return true;
            }
        }
    }
    false
}

/// Whether `text[start..end]` lies inside an occurrence of `phrase` (lower case) as whole
/// words, compared without ASCII case ("regime change" is not in "the regime changed").
fn within_phrase(text: &str, start: usize, end: usize, phrase: &str) -> bool {
    let bytes = text.as_bytes();
    let n = phrase.len();
    let word = |i: usize| bytes.get(i).is_some_and(|b| b.is_ascii_alphanumeric());
    let first = start.saturating_sub(n.saturating_sub(end.saturating_sub(start)));
    (first..=start).any(|at| {
        at + n >= end
            && bytes
                .get(at..at + n)
                .is_some_and(|s| s.eq_ignore_ascii_case(phrase.as_bytes()))
            && !(at > 0 && word(at - 1))
            && !word(at + n)
    })
}

/// Finds the cues of one sentence. Byte offsets are within `text`.
pub fn sentence_cues(
    article: ArticleId,
    sentence: usize,
    text: &str,
    tokens: &[Token],
    lex: &Lexicons,
) -> Vec<Cue> {
    let mut out: Vec<Cue> = Vec::new();
    let proper = |k: usize, t: &Token| {
        k > 0 && t.capitalized && !text[t.start..t.end].chars().all(|c| c.is_uppercase())
    };
    for k in 0..tokens.len() {
        // lexicon phrases starting here, longest first
        let mut matches: Vec<(usize, usize)> = Vec::new(); // (entry, length)
        for &e in lex.starting_with(&tokens[k].stem) {
            let entry = &lex.entries[e];
            let n = entry.stems.len();
            if k + n > tokens.len() || (1..n).any(|j| tokens[k + j].stem != entry.stems[j]) {
                continue;
            }
            if n == 1 && proper(k, &tokens[k]) {
                continue; // "May" the month, "Hope" the name
            }
            if entry.category == CueKind::Attribution
                && (k > 0 && lex.noun_markers.contains(&tokens[k - 1].lower)
                    || n == 1
                        && lex
                            .verb_form(&tokens[k].lower)
                            .is_none_or(|v| v.phrase != entry.phrase))
            {
                continue;
            }
            // a single word matches its inflections only, not words derived from its stem
            // ("questionable" is not "question", "reportedly" is not "reported")
            if n == 1 && entry.category != CueKind::Attribution {
                let word = &tokens[k].lower;
                let lemma = entry.phrase.to_lowercase();
                let adverbial = matches!(
                    entry.category,
                    CueKind::Hedge | CueKind::Booster | CueKind::Intensifier
                );
                let inflected = is_verb_form(word, &entry.stems[0], &lemma)
                    && !(adverbial && word.ends_with("ing"));
                if *word != lemma && !inflected {
                    continue;
                }
                if entry.category == CueKind::Hedge && presence_verb(text, tokens, k, &lemma) {
                    continue; // "appeared on television": present, not a hedge
                }
                if entry.category == CueKind::Hedge && negated_root_modal(tokens, k, &lemma) {
                    continue; // "could not confirm": inability, not doubt
                }
            }
            matches.push((e, n));
        }
        matches.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        for (e, n) in matches {
            let entry = &lex.entries[e];
            let (start, end) = (tokens[k].start, tokens[k + n - 1].end);
            let category = entry.category;
            if entry
                .not_in
                .iter()
                .any(|p| within_phrase(text, start, end, p))
            {
                continue; // "regime change": a policy, not a government
            }
            // a longer phrase of the same kind already covers this one ("claims to have annexed")
            if out
                .iter()
                .any(|c| c.category.same_family(category) && c.start <= start && c.end >= end)
            {
                continue;
            }
            let note = match (entry.verb_class, &entry.group) {
                (Some(class), _) => format!(
                    "Reporting verb, {}: {}",
                    super::verbs::class_name(class),
                    entry.note
                ),
                (None, Some(group)) => format!(
                    "{} (contested wording for {}).",
                    entry.note.trim_end_matches('.'),
                    group.replace('_', " ")
                ),
                _ => entry.note.clone(),
            };
            out.push(Cue {
                article,
                sentence,
                text: text[start..end].to_string(),
                category,
                note,
                entry: entry.phrase.clone(),
                start,
                end,
                polarity: entry.polarity,
                verb_class: entry.verb_class,
                group: entry.group.clone(),
                in_quote: false,
            });
        }
        // strongly polar words from VADER
        let t = &tokens[k];
        if proper(k, t) {
            continue;
        }
        // manner adverbs colour how something was done ("sharply", "aggressively", "stiffly"):
        // not a word WordNet knows only as another part of speech ("assembly", "comply",
        // "costly"), nor one it knows as an adjective too ("a deadly attack", "early"): which
        // one a sentence uses cannot be told without a part-of-speech tagger; nor an adverb
        // none of whose senses WordNet glosses as one of manner or degree ("ethnically": "with
        // respect to ethnicity", a viewpoint subjunct; "chiefly", "instantly")
        if t.lower.len() >= 6
            && t.lower.ends_with("ly")
            && ly_parts_of_speech(&t.lower).is_none_or(|pos| pos == "r")
            && !lex.neutral_adverbs.contains(&t.lower)
            && !lex.polar.contains_key(&t.lower)
            && !out
                .iter()
                .any(|c| c.start <= t.start && c.end >= t.end && c.category != CueKind::Attribution)
            && t.lower.chars().all(|c| c.is_alphabetic())
        {
            let word = &text[t.start..t.end];
            out.push(Cue {
                article,
                sentence,
                text: word.to_string(),
                category: CueKind::Intensifier,
                note: format!("“{word}” is a manner adverb: it colours how something was done, a judgement the reader may not share."),
                entry: "rule:manner-adverb".into(),
                start: t.start,
                end: t.end,
                polarity: 0,
                verb_class: None,
                group: None,
                in_quote: false,
            });
            continue;
        }
        if let Some(&valence) = lex.polar.get(&t.lower)
            && !out.iter().any(|c| {
                matches!(c.category, CueKind::Loaded | CueKind::Attribution)
                    && c.start <= t.start
                    && c.end >= t.end
            })
            && lex.verb_form(&t.lower).is_none()
        {
            let (sign, word) = if valence > 0.0 {
                (1, "positive")
            } else {
                (-1, "negative")
            };
            out.push(Cue {
                article,
                sentence,
                text: text[t.start..t.end].to_string(),
                category: CueKind::Loaded,
                note: format!(
                    "“{}” is strongly {word} (VADER sentiment lexicon, {valence:+.1}): a word that judges rather than just describes.",
                    &text[t.start..t.end]
                ),
                entry: format!("vader:{}", t.lower),
                start: t.start,
                end: t.end,
                polarity: sign,
                verb_class: None,
                group: None,
                in_quote: false,
            });
        }
    }
    out.sort_by(|a, b| {
        a.start
            .cmp(&b.start)
            .then(b.end.cmp(&a.end))
            .then(a.category.cmp(&b.category))
    });
    out
}

/// Prepositions of place and time, a closed class ("appeared on television", "appear before
/// the committee", "appear at a hearing").
const PLACE_TIME_PREPOSITIONS: &[&str] = &[
    "on",
    "at",
    "in",
    "before",
    "with",
    "for",
    "under",
    "from",
    "alongside",
    "during",
    "inside",
    "outside",
    "onstage",
];

/// Copular verbs (Quirk et al. 1985, "current" and "resulting" copulas), a closed class.
const COPULAS: &[&str] = &[
    "be", "seem", "appear", "look", "sound", "feel", "smell", "taste", "remain", "stay", "become",
    "get", "grow", "turn", "prove",
];

/// Whether the hedge at `k`, a copular verb, is used without its complement: followed by a
/// preposition of place or time or by the end of its clause. A copula of seeming hedges only
/// with its complement (a to-infinitive, a that-clause, a predicate: "appears to be", "appeared
/// unreceptive"); without one it is the intransitive verb of presence ("appeared on
/// television", "scheduled to appear."), which softens nothing. Other hedge verbs stay ("he
/// suggested, …" is a comment clause).
fn presence_verb(text: &str, tokens: &[Token], k: usize, lemma: &str) -> bool {
    if !COPULAS.contains(&lemma) {
        return false;
    }
    match tokens.get(k + 1) {
        None => true,
        Some(next) => {
            text.get(tokens[k].end..next.start)
                .is_some_and(|gap| gap.contains(['.', ',', ';', ':', '!', '?', '(', ')']))
                || PLACE_TIME_PREPOSITIONS.contains(&next.lower.as_str())
        }
    }
}

/// Whether the hedge at `k` is "could" negated without a perfect ("could not confirm", "could
/// never win", "could no longer run"). Negated "could" is root modality, inability in the past,
/// not epistemic possibility; the epistemic reading of a negated "could" takes the perfect
/// ("it could not have been him"), which stays a hedge (Coates 1983, The Semantics of the
/// Modal Auxiliaries; Palmer 2001, Mood and Modality).
fn negated_root_modal(tokens: &[Token], k: usize, lemma: &str) -> bool {
    let word = |j: usize| tokens.get(j).map(|t| t.lower.as_str());
    lemma == "could"
        && tokens[k].lower == "could"
        && match word(k + 1) {
            Some("not" | "never") => word(k + 2) != Some("have"),
            Some("no") => word(k + 2) == Some("longer"),
            _ => false,
        }
}

/// The parts of speech WordNet 3.0 gives a word ending in "-ly" (letters n, v, a, r;
/// assets/text/ly_words.txt, built by tools/build_ly_words.py); `None` for a word it does not
/// list (most are regular adverbs made from adjectives: "definitively"). An adverb none of
/// whose WordNet senses is glossed as one of manner ("in a curt manner", "with anger") or of
/// degree ("to a small degree") is "rx": a viewpoint or focusing subjunct, an adjunct of time
/// or a disjunct in the classes of Quirk et al. 1985 ("ethnically", "chiefly", "instantly").
fn ly_parts_of_speech(lower: &str) -> Option<&'static str> {
    static MAP: std::sync::OnceLock<rustc_hash::FxHashMap<&'static str, &'static str>> =
        std::sync::OnceLock::new();
    MAP.get_or_init(|| {
        crate::text::tokens::word_list(include_str!("../../assets/text/ly_words.txt"))
            .into_iter()
            .filter_map(|l| {
                let (word, rest) = l.split_once(' ')?;
                // "ethnically r x": the class mark joins the letters ("rx")
                Some((word, if rest == "r x" { "rx" } else { rest }))
            })
            .collect()
    })
    .get(lower)
    .copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cats(text: &str) -> Vec<(CueKind, String)> {
        let tokens = crate::text::tokens::tokenize(text);
        sentence_cues(ArticleId(0), 0, text, &tokens, &Lexicons::builtin())
            .into_iter()
            .map(|c| (c.category, c.text))
            .collect()
    }

    /// The words of a text marked as hedges.
    fn hedges(text: &str) -> Vec<String> {
        cats(text)
            .into_iter()
            .filter(|(k, _)| *k == CueKind::Hedge)
            .map(|(_, t)| t)
            .collect()
    }

    #[test]
    fn multi_word_and_inflected_entries_match() {
        let c = cats(
            "It remains to be seen whether the four regions Moscow claims to have annexed will matter.",
        );
        assert!(
            c.contains(&(CueKind::Hedge, "remains to be seen".into())),
            "{c:?}"
        );
        assert!(
            c.contains(&(CueKind::Label, "claims to have annexed".into())),
            "{c:?}"
        );
        assert!(
            !c.iter()
                .any(|(k, t)| *k == CueKind::Label && t == "annexed"),
            "the longer label wins: {c:?}"
        );
        let c = cats("The senator slammed the bill.");
        assert!(c.contains(&(CueKind::Loaded, "slammed".into())), "{c:?}");
        assert!(
            c.contains(&(CueKind::Attribution, "slammed".into())),
            "{c:?}"
        );
    }

    #[test]
    fn manner_adverbs_are_adverbs() {
        let manner = |text: &str| -> Vec<String> {
            let tokens = crate::text::tokens::tokenize(text);
            sentence_cues(ArticleId(0), 0, text, &tokens, &Lexicons::builtin())
                .into_iter()
                .filter(|c| c.entry == "rule:manner-adverb")
                .map(|c| c.text)
                .collect()
        };
        assert_eq!(manner("The envoy answered curtly."), vec!["curtly"]);
        // a noun, a verb and an adjective ending in -ly are not adverbs
        assert!(manner("The assembly voted to comply with the costly ruling.").is_empty());
        // an adjective-or-adverb is left out; the adverb before it stays
        assert!(manner("It was a deadly blast.").is_empty());
        assert_eq!(
            manner("It was a potentially deadly blast."),
            vec!["potentially"]
        );
        // a derived adverb WordNet does not list is still one
        assert_eq!(manner("She spoke definitively."), vec!["definitively"]);
        // viewpoint and focusing subjuncts and adjuncts of time are not manner adverbs; a
        // downtoner (an intensifier) and a manner adverb are marked
        assert!(
            manner("The districts were ethnically drawn, chiefly for that, and instantly redrawn.")
                .is_empty()
        );
        assert_eq!(
            manner("He could scarcely answer and spoke tersely."),
            vec!["scarcely", "tersely"]
        );
    }

    #[test]
    fn focusing_and_frequency_adverbs_are_not_intensifiers() {
        // Quirk et al. 1985: "even" is a focusing subjunct, "repeatedly" an adjunct of frequency
        let c = cats("They even voted for it repeatedly.");
        assert!(!c.iter().any(|(k, _)| *k == CueKind::Intensifier), "{c:?}");
        let c = cats("They were extremely angry.");
        assert!(
            c.contains(&(CueKind::Intensifier, "extremely".into())),
            "{c:?}"
        );
    }

    #[test]
    fn a_verb_of_presence_is_no_hedge() {
        assert!(hedges("The senator appeared on television and will appear.").is_empty());
        assert_eq!(
            hedges("The senator appeared to agree; it appears that it may work."),
            vec!["appeared", "appears", "may"]
        );
        assert_eq!(hedges("It may, in the end, work."), vec!["may"]);
        assert_eq!(hedges("Few, he suggested, agree."), vec!["suggested"]);
    }

    #[test]
    fn negated_could_is_inability_not_doubt() {
        assert!(hedges("He could not confirm it and could no longer run.").is_empty());
        assert_eq!(
            hedges("It could not have been him, and the bill could fail."),
            vec!["could", "could"]
        );
    }

    #[test]
    fn proper_nouns_and_noun_uses_do_not_match() {
        let c = cats("The talks ended in May, and the claim was rejected.");
        assert!(!c.iter().any(|(k, _)| *k == CueKind::Hedge), "{c:?}");
        assert!(
            !c.iter()
                .any(|(k, t)| *k == CueKind::Attribution && t == "claim"),
            "{c:?}"
        );
        assert!(
            c.contains(&(CueKind::Attribution, "rejected".into())),
            "{c:?}"
        );
    }

    #[test]
    fn verb_forms() {
        for (w, lemma) in [
            ("said", "said"),
            ("slammed", "slam"),
            ("denies", "deny"),
            ("describing", "describe"),
            ("claims", "claim"),
            ("insisted", "insist"),
        ] {
            assert!(
                is_verb_form(w, &crate::text::tokens::stem(lemma), lemma),
                "{w}"
            );
        }
        for (w, lemma) in [
            ("dismissal", "dismiss"),
            ("reporters", "report"),
            ("statement", "state"),
        ] {
            assert!(
                !is_verb_form(w, &crate::text::tokens::stem(lemma), lemma),
                "{w}"
            );
        }
        let c = cats("Officials said reporters were told the news reportedly.");
        assert!(c.contains(&(CueKind::Hedge, "reportedly".into())), "{c:?}");
        assert!(
            !c.iter()
                .any(|(k, t)| *k == CueKind::Hedge && t == "reporters"),
            "{c:?}"
        );
    }

    #[test]
    fn judgment_verbs_of_scorn_and_reprimand_are_loaded() {
        let c = cats("The governor mocked the plan and chided its authors.");
        assert!(c.contains(&(CueKind::Loaded, "mocked".into())), "{c:?}");
        assert!(c.contains(&(CueKind::Loaded, "chided".into())), "{c:?}");
        // the neutral verb of the same class reports the judgment without colouring it
        let c = cats("The governor criticized the plan.");
        assert!(!c.iter().any(|(k, _)| *k == CueKind::Loaded), "{c:?}");
    }

    #[test]
    fn idioms_of_attack_for_criticism_are_loaded() {
        let c = cats("The mayor took a swipe at the council and pulled no punches.");
        assert!(
            c.contains(&(CueKind::Loaded, "took a swipe at".into())),
            "{c:?}"
        );
        assert!(
            c.contains(&(CueKind::Loaded, "pulled no punches".into())),
            "{c:?}"
        );
        let c = cats("The mayor took a seat at the table.");
        assert!(!c.iter().any(|(k, _)| *k == CueKind::Loaded), "{c:?}");
    }

    #[test]
    fn insults_are_name_calling() {
        let c = cats("He called the senator a demagogue and a blowhard.");
        assert!(
            c.contains(&(
                CueKind::Technique(crate::frame::Technique::NameCalling),
                "demagogue".into()
            )),
            "{c:?}"
        );
        assert!(
            c.contains(&(
                CueKind::Technique(crate::frame::Technique::NameCalling),
                "blowhard".into()
            )),
            "{c:?}"
        );
        let c = cats("He called the senator a colleague.");
        assert!(
            !c.iter().any(|(k, _)| matches!(k, CueKind::Technique(_))),
            "{c:?}"
        );
    }

    #[test]
    fn vader_words_are_loaded_but_descriptive_news_words_are_not() {
        let c = cats("Two soldiers were killed in a disgusting display.");
        assert!(c.contains(&(CueKind::Loaded, "disgusting".into())), "{c:?}");
        assert!(!c.iter().any(|(_, t)| t == "killed"), "{c:?}");
    }

    #[test]
    fn a_label_is_not_read_inside_a_phrase_that_means_something_else() {
        let lex = Lexicons::builtin();
        let labels = |text: &str| -> Vec<String> {
            let tokens = crate::text::tokens::tokenize(text);
            sentence_cues(ArticleId(0), 0, text, &tokens, &lex)
                .into_iter()
                .filter(|c| c.category == CueKind::Label)
                .map(|c| c.text)
                .collect()
        };
        assert_eq!(labels("The regime shelled the town."), vec!["regime"]);
        assert!(labels("They called for regime change in the capital.").is_empty());
        assert!(labels("A new sanctions regime takes effect.").is_empty());
        // whole words only: the government changed course
        assert_eq!(labels("The regime changed course."), vec!["regime"]);
    }
}
