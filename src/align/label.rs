//! Readable topic labels and defining terms: the best-scoring short phrase (2–4 words, no
//! function word at either end) from the topic's sentences, weighted by how characteristic its
//! terms are of the topic and how many articles use it. A label is a noun phrase by its shape:
//! it ends in a noun, holds no verb with its object, and neither opens with nor holds a word
//! that WordNet knows only as a verb, or an adverb that qualifies anything but an adjective;
//! a name, alone or after its title, weighs less than a phrase that says what happened.

use crate::text::memo::{WordMemo, remembered};
use crate::text::tokens::Token;
use std::cell::RefCell;

/// A member sentence of a topic: (article position in the story, features, text, tokens).
pub type Member<'a> = (usize, &'a SentenceFeatures, &'a str, &'a [Token]);
use super::features::SentenceFeatures;
use crate::text::tokens::is_stopword;
use rustc_hash::FxHashMap as HashMap;
use std::borrow::Cow;

/// A topic's label and terms.
pub struct Labelled {
    pub label: String,
    pub terms: Vec<String>,
    /// The canonical stems of `terms`.
    pub stems: Vec<String>,
}

/// `members`: the features and texts of the topic's sentences with their article;
/// `idf`: the term's inverse document frequency in the story.
pub fn label(members: &[Member], idf: &dyn Fn(&str) -> f32) -> Labelled {
    let n = members.len().max(1) as f32;
    // each distinct canonical term once, in order of first use: how many member sentences use
    // it, in how many articles, and how often each lower-case surface word stands for it
    struct TermUse<'m> {
        term: &'m str,
        sentences: usize,
        /// The last member sentence counted (a term counts once per sentence).
        last: usize,
        articles: Vec<usize>,
        surfaces: Vec<(&'m str, usize)>,
        weight: f32,
    }
    let mut uses: Vec<TermUse> = Vec::new();
    let mut index: HashMap<&str, usize> = HashMap::default();
    for (k, (article, f, _, _)) in members.iter().enumerate() {
        for (j, t) in f.terms.iter().enumerate() {
            let i = *index.entry(t.as_str()).or_insert_with(|| {
                uses.push(TermUse {
                    term: t,
                    sentences: 0,
                    last: usize::MAX,
                    articles: Vec::new(),
                    surfaces: Vec::new(),
                    weight: 0.0,
                });
                uses.len() - 1
            });
            let u = &mut uses[i];
            if u.last != k {
                u.last = k;
                u.sentences += 1;
                if !u.articles.contains(article) {
                    u.articles.push(*article);
                }
            }
            if let Some(s) = f.surfaces.get(j) {
                match u.surfaces.iter_mut().find(|(x, _)| *x == s.as_str()) {
                    Some((_, c)) => *c += 1,
                    None => u.surfaces.push((s, 1)),
                }
            }
        }
    }
    // topic weight of each canonical term: share of member sentences using it × idf
    for u in &mut uses {
        let share = u.sentences as f32 / n;
        let spread = u.articles.len().max(1) as f32;
        u.weight = share * idf(u.term) * (1.0 + 0.3 * (spread - 1.0));
    }
    let mut ranked: Vec<(&str, f32)> = uses.iter().map(|u| (u.term, u.weight)).collect();
    ranked.sort_by(|x, y| y.1.total_cmp(&x.1).then(x.0.cmp(y.0)));
    // the most frequent surface word of a term (the first in byte order on a tie)
    let surface = |t: &str| -> String {
        index
            .get(t)
            .and_then(|&i| {
                uses[i]
                    .surfaces
                    .iter()
                    .max_by(|x, y| x.1.cmp(&y.1).then(y.0.cmp(x.0)))
                    .map(|(s, _)| s.to_string())
            })
            .unwrap_or_else(|| t.to_string())
    };
    let terms: Vec<String> = ranked.iter().take(6).map(|(t, _)| surface(t)).collect();

    // plain stem of each surface word → the topic weight of its canonical term (terms in byte
    // order and their surface words in byte order: the first to claim a stem keeps it)
    let mut by_term: Vec<&TermUse> = uses.iter().filter(|u| !u.surfaces.is_empty()).collect();
    by_term.sort_unstable_by(|x, y| x.term.cmp(y.term));
    let mut canonical_of: HashMap<String, f32> = HashMap::default();
    for u in by_term {
        let w = u.weight;
        canonical_of.entry(u.term.to_string()).or_insert(w);
        let mut forms: Vec<&str> = u.surfaces.iter().map(|(s, _)| *s).collect();
        forms.sort_unstable();
        for s in forms {
            canonical_of
                .entry(crate::text::tokens::stem(s))
                .or_insert(w);
        }
    }

    // candidate phrases: runs of 1-4 words inside one clause of a member sentence; each word is
    // looked at once (lower case, stop word, topic weight), phrases are spans of words
    struct Word<'t> {
        text: &'t str,
        breaks: bool,
        lower: Cow<'t, str>,
        /// The word's number among this topic's distinct lower-case words (phrase keys).
        id: u32,
        stop: bool,
        caps: bool,
        weight: f32,
        /// The parts of speech WordNet knows the word as ([`parts_of_speech`]), looked up
        /// when first asked (`UNKNOWN` until then).
        pos: std::cell::Cell<u8>,
    }
    const UNKNOWN: u8 = u8::MAX;
    impl Word<'_> {
        fn pos(&self) -> u8 {
            if self.pos.get() == UNKNOWN {
                self.pos.set(parts_of_speech(&self.lower));
            }
            self.pos.get()
        }
    }
    let mut word_ids: HashMap<Cow<str>, u32> = HashMap::default();
    let sentences: Vec<(usize, Vec<Word>)> = members
        .iter()
        .map(|(article, _, text, tokens)| {
            let words = clause_words(text, tokens)
                .into_iter()
                .map(|(text, breaks, token)| {
                    // the analyzer's lower case and stem, except for a word with a curly
                    // apostrophe, which the analyzer folds and labels keep as written
                    let (lower, stem): (Cow<str>, Cow<str>) = if text.contains('’') {
                        let lower = text.to_lowercase();
                        let stem = crate::text::tokens::stem(&lower);
                        (lower.into(), stem.into())
                    } else {
                        (token.lower.as_str().into(), token.stem.as_str().into())
                    };
                    let stop = is_stopword(&lower);
                    let weight = if stop {
                        0.0
                    } else {
                        canonical_of.get(stem.as_ref()).copied().unwrap_or(0.0)
                    };
                    let next = word_ids.len() as u32;
                    let id = *word_ids.entry(lower.clone()).or_insert(next);
                    Word {
                        pos: std::cell::Cell::new(UNKNOWN),
                        caps: text.chars().next().is_some_and(char::is_uppercase),
                        text,
                        breaks,
                        lower,
                        id,
                        stop,
                        weight,
                    }
                })
                .collect();
            (*article, words)
        })
        .collect();
    let join = |run: &[Word]| -> String {
        let parts: Vec<&str> = run.iter().map(|w| w.text).collect();
        parts.join(" ")
    };
    // (sentence, start, len, phrase key) of every candidate, and the articles using each phrase
    let mut spans: Vec<(usize, usize, usize, usize)> = Vec::new();
    let mut keys: HashMap<[u32; 4], usize> = HashMap::default();
    let mut seen: Vec<Vec<usize>> = Vec::new();
    for (k, (article, words)) in sentences.iter().enumerate() {
        for start in 0..words.len() {
            for len in 1..=4 {
                if start + len > words.len() {
                    break;
                }
                let run = &words[start..start + len];
                if run[1..].iter().any(|w| w.breaks) {
                    break; // crosses punctuation
                }
                let (first, last) = (&run[0], &run[len - 1]);
                if first.stop || last.stop || first.lower.chars().count() < 3 {
                    continue;
                }
                // a noun phrase does not end in a past form ("Minister Vela dismissed", "the
                // envoy sneered"): that is a subject and its verb
                if !last.caps && past_form(&last.lower) {
                    continue;
                }
                // a noun phrase of several words ends in its head noun ("grim backdrop of
                // relentless", "influence opinion rather" end in an adjective and an adverb)
                // and does not open with an adverb ("necessarily mean")
                if len > 1
                    && ((!last.caps && !is_noun(&last.lower))
                        || (!first.caps && first.lower.ends_with("ly")))
                {
                    continue;
                }
                // nor does it hold a verb with its object ("dismissed the demands", "reach a
                // quick deal"): inside a noun phrase an article comes after a preposition or
                // "and", never straight after another word; only a phrase that opens on a
                // gerund names an action with its object ("ending the blockade")
                if run.windows(2).enumerate().any(|(k, p)| {
                    ARTICLES.contains(&p[1].lower.as_ref())
                        && !NOUN_PHRASE_WORDS.contains(&p[0].lower.as_ref())
                        && !(k == 0 && !p[0].caps && p[0].lower.ends_with("ing"))
                }) {
                    continue;
                }
                // and it does not open with a word that can only be a verb ("elapse", "went")
                // or only an adverb ("never agreed", nor "Repeatedly" alone)
                let pos_first = first.pos();
                if !first.caps && (pos_first == VERB || pos_first == ADVERB) {
                    continue;
                }
                // nor inside a fixed phrase ("at least six sailors")
                if start > 0
                    && words[start - 1].lower == "at"
                    && matches!(first.lower.as_ref(), "least" | "most")
                {
                    continue;
                }
                // inside a noun phrase an adverb qualifies an adjective ("truly historic
                // deal"); before any other word it qualifies a verb ("proposal really brings")
                // (the word before the phrase counts: "merely repeats old promises")
                let before = start
                    .checked_sub(1)
                    .map(|b| &words[b])
                    .filter(|_| !first.breaks);
                let qualifies_a_verb = |adverb: &Word, word: &Word| {
                    !adverb.caps && adverb.pos() == ADVERB && word.pos() & ADJECTIVE == 0
                };
                if before.is_some_and(|b| qualifies_a_verb(b, first))
                    || run.windows(2).any(|p| qualifies_a_verb(&p[0], &p[1]))
                {
                    continue;
                }
                // inside a noun phrase only articles, prepositions and "and" stand between
                // content words: a pronoun, auxiliary or relative word starts a clause ("Four
                // regions that Ostrava")
                if len > 2
                    && run[1..len - 1]
                        .iter()
                        .any(|w| w.stop && !NOUN_PHRASE_WORDS.contains(&w.lower.as_ref()))
                {
                    continue;
                }
                // a phrase must not cut a name in two ("Vale Council spokesman Ann")
                if words
                    .get(start + len)
                    .is_some_and(|next| last.caps && next.caps && !next.breaks)
                {
                    continue;
                }
                // nor end on a verb whose object follows ("territory and abandon | its
                // claims"): a noun phrase's head is not followed by a determiner
                if words.get(start + len).is_some_and(|next| {
                    !next.breaks && !last.caps && DETERMINERS.contains(&next.lower.as_ref())
                }) {
                    continue;
                }
                let mut phrase = [u32::MAX; 4];
                for (slot, w) in phrase.iter_mut().zip(run) {
                    *slot = w.id;
                }
                let next = keys.len();
                let key = *keys.entry(phrase).or_insert(next);
                if key == seen.len() {
                    seen.push(Vec::new());
                }
                if !seen[key].contains(article) {
                    seen[key].push(*article);
                }
                spans.push((k, start, len, key));
            }
        }
    }
    let mut best: Option<(f32, String)> = None;
    for (k, start, len, key) in spans {
        let run = &sentences[k].1[start..start + len];
        let score: f32 = run.iter().map(|w| w.weight).sum();
        let spread = seen[key].len().max(1) as f32;
        let shape = match len {
            1 => 0.55,
            2 => 1.0,
            3 => 0.95,
            _ => 0.8,
        };
        // a label says what the topic is about; a bare name says only who, and so does a
        // name after its title ("spokesman Ann Lee"), unlike a place after a preposition
        // ("offensive near Dunmore")
        let tail = run.iter().rev().take_while(|w| w.caps).count();
        let titled = tail > 0
            && tail < run.len()
            && !NOUN_PHRASE_WORDS.contains(&run[run.len() - tail - 1].lower.as_ref());
        let names = if tail == run.len() || titled {
            0.6
        } else {
            1.0
        };
        let total = score * shape * names * (1.0 + 0.25 * (spread - 1.0));
        if best.as_ref().is_some_and(|(b, _)| total < *b) {
            continue;
        }
        // a label of one word is a name (capitalised inside its sentence) or a word WordNet
        // knows mostly as a noun ("Decades", not "Done", "Whether" or "Tell"); asked only of a
        // word that would be the best label so far, as WordNet's senses cost a look-up each
        let first = &run[0];
        if len == 1
            && !(first.caps && start > 0 && !contraction(&first.lower))
            && !names_a_thing(&first.lower)
        {
            continue;
        }
        let phrase = join(run);
        if best
            .as_ref()
            .is_none_or(|(b, p)| total > *b || (total == *b && phrase < *p))
        {
            best = Some((total, phrase));
        }
    }
    // with no phrase, the topic's most telling noun (a word that is only a verb, adjective or
    // adverb names nothing: "Sorry", "Done"), else its most telling word; one word is joined
    // by the next most telling noun
    let nouns: Vec<&String> = terms.iter().filter(|t| names_a_thing(t)).collect();
    let mut label = best
        .map(|(_, p)| p)
        .or_else(|| nouns.first().map(|t| t.to_string()))
        .unwrap_or_else(|| terms.first().cloned().unwrap_or_default());
    if label.split_whitespace().count() == 1
        && let Some(extra) = nouns
            .iter()
            .find(|t| !label.to_lowercase().contains(t.as_str()))
    {
        label = format!("{label}, {extra}");
    }
    Labelled {
        label: capitalise(&label),
        terms,
        stems: ranked.iter().take(6).map(|(t, _)| t.to_string()).collect(),
    }
}

/// Function words that can stand inside a noun phrase ("withdrawal from four regions", "plan
/// as a starting point", "talks between the sides"): articles, prepositions and "and".
const NOUN_PHRASE_WORDS: &[&str] = &[
    "a", "an", "the", "and", "of", "for", "from", "in", "on", "at", "with", "as", "by", "over",
    "against", "between", "into", "after", "before", "near", "under",
];

/// Whether WordNet's noun table lists a word (or its singular), remembered per thread: the
/// table is searched once per distinct word, not once per topic.
fn is_noun(lower: &str) -> bool {
    thread_local! {
        static SEEN: WordMemo<bool> = RefCell::default();
    }
    remembered(&SEEN, lower, || {
        crate::frame::entities::is_table_noun(lower)
    })
}

/// Whether a lower-case word can be a label on its own: three letters or more (not "us"), no
/// contraction ("i'm", "we've"), and known to WordNet mostly as a noun.
fn names_a_thing(lower: &str) -> bool {
    lower.chars().count() >= 3 && !contraction(lower) && mostly_noun(lower)
}

/// Whether a word is a contraction of a pronoun or auxiliary ("i'm", "we've", "they'll",
/// "she'd", "don't"); a possessive ("minister's") is not.
fn contraction(lower: &str) -> bool {
    lower
        .split(['\'', '’'])
        .nth(1)
        .is_some_and(|tail| matches!(tail, "m" | "re" | "ve" | "ll" | "d" | "t"))
}

/// [`crate::text::wordnet::mostly_noun`], remembered per thread like [`is_noun`].
fn mostly_noun(lower: &str) -> bool {
    thread_local! {
        static SEEN: WordMemo<bool> = RefCell::default();
    }
    remembered(&SEEN, lower, || crate::text::wordnet::mostly_noun(lower))
}

/// The parts of speech WordNet knows a word as (through its base forms), one bit each in the
/// order of [`Pos`](crate::text::wordnet::Pos); remembered per thread like [`is_noun`].
fn parts_of_speech(lower: &str) -> u8 {
    thread_local! {
        static SEEN: WordMemo<u8> = RefCell::default();
    }
    remembered(&SEEN, lower, || {
        crate::text::wordnet::parts_of_speech(lower)
    })
}

const VERB: u8 = 0b0010;
const ADJECTIVE: u8 = 0b0100;
const ADVERB: u8 = 0b1000;

/// Determiners that open a noun phrase: the word before one ends no noun phrase.
const DETERMINERS: &[&str] = &[
    "a", "an", "the", "its", "his", "her", "their", "our", "my", "your", "this", "these", "those",
];

/// Articles: inside a noun phrase they follow a preposition or "and", not a verb.
const ARTICLES: &[&str] = &["a", "an", "the"];

/// Whether a lower-case word looks like a past tense or participle (-ed, not -eed: "dismissed",
/// "sneered" but not "speed"); short words ("red", "bed") are left alone.
fn past_form(lower: &str) -> bool {
    lower.len() >= 5 && lower.ends_with("ed") && !lower.ends_with("eed")
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// Words of a text (possessive "'s" trimmed) with a flag "punctuation (other than a hyphen or
/// apostrophe) comes before this word", and each word's token.
fn clause_words<'t>(text: &'t str, tokens: &'t [Token]) -> Vec<(&'t str, bool, &'t Token)> {
    let mut out = Vec::with_capacity(tokens.len());
    let mut prev_breaks = false;
    for (k, t) in tokens.iter().enumerate() {
        let gap_end = tokens.get(k + 1).map_or(text.len(), |n| n.start);
        let gap = text.get(t.end..gap_end).unwrap_or("");
        let mut word = text.get(t.start..t.end).unwrap_or("");
        // (`strip_suffix` in a loop: `trim_end_matches` with a string pattern builds a searcher)
        while let Some(w) = word.strip_suffix("'s") {
            word = w;
        }
        while let Some(w) = word.strip_suffix("’s") {
            word = w;
        }
        out.push((word, prev_breaks, t));
        prev_breaks = gap.chars().any(|c| !c.is_whitespace());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The label of a topic of one sentence.
    fn label_of(text: &str) -> String {
        let tokens = crate::text::tokens::tokenize(text);
        let f = crate::align::features::features(text, &tokens, &Default::default());
        label(&[(0, &f, text, &tokens[..])], &|_| 1.0).label
    }

    #[test]
    fn a_label_is_a_noun_phrase_not_a_clause() {
        assert!(past_form("dismissed") && past_form("sneered"));
        assert!(!past_form("speed") && !past_form("red") && !past_form("summit"));
        // the labels the rules turn away name their clause word
        for (text, not) in [
            ("The four regions that Ostrava annexed were lost.", "that"),
            (
                "Minister Vela dismissed the demands at once.",
                "dismissed the",
            ),
            // a phrase opens with no adverb
            (
                "It does not necessarily mean an easy road for the envoys.",
                "necessarily",
            ),
            // a verb before its object's article, whatever its form
            ("It may mean a long winter for the crews.", "mean a"),
            (
                "Talks cannot mean rewarding the raiders, the mayor said.",
                "mean",
            ),
            // a word WordNet knows only as a verb opens no phrase
            ("Varnia will never cede coastal land.", "cede"),
            // nor does a phrase start inside "at least"
            ("The storm sank at least six sailors' boats.", "least"),
            // nor hold a verb after its adverb, or open with one
            ("The new proposal really brings fresh hope.", "brings"),
            ("The harbour scheme really offers little comfort.", "really"),
            ("The plan merely repeats old promises.", "repeats"),
            // nor end on a verb before its object
            (
                "Varnia must cede its coastal land and abandon its harbour claims.",
                "abandon",
            ),
        ] {
            let l = label_of(text);
            assert!(!l.to_lowercase().contains(not), "{text} -> {l}");
        }
        // and ends in its head noun, not an adjective ("Grim backdrop of relentless")
        let l = label_of("The grim backdrop of relentless, grinding shelling shaped the day.");
        assert!(!l.ends_with("relentless"), "{l}");
    }

    #[test]
    fn a_label_of_one_word_is_a_noun_or_a_name() {
        // no phrase of two words passes here: the one noun, not joined by a verb ("Photo,
        // asked")
        assert_eq!(
            label_of("Whether the photo was real, he repeatedly asked."),
            "Photo"
        );
        // a capitalised contraction is no name, nor is a pronoun a noun ("Us")
        let l = label_of("Sorry, I'm done.");
        assert!(!l.to_lowercase().contains("i'm"), "{l}");
        let l = label_of("They tell us it is right, and it is done.");
        assert!(!l.to_lowercase().starts_with("us"), "{l}");
        assert!(contraction("we've") && contraction("don't") && !contraction("minister's"));
    }

    #[test]
    fn a_name_after_its_title_says_who_not_what() {
        // "spokesman Ann Lee" weighs as a bare name would; the event's phrase wins
        let l = label_of("Vale Council spokesman Ann Lee praised the ceasefire talks.");
        assert!(!l.ends_with("Lee"), "{l}");
        // a place after a preposition is still part of what happened
        assert_eq!(
            label_of("Troops began an offensive near Dunmore."),
            "Offensive near Dunmore"
        );
    }
}
