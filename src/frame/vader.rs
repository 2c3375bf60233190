//! VADER's compound score (Hutto and Gilbert, ICWSM-14; the rules of vaderSentiment 3.3.2),
//! computed by framediff's own code over VADER's own data: the lexicon
//! (assets/text/vader_lexicon.tsv) and the word lists its rules read
//! (assets/text/vader_rules.tsv: negations, boosters and dampeners, special-case idioms), both
//! built by tools/build_vader_words.py from the 3.3.2 release (MIT, assets/text/LICENSE-VADER).
//!
//! It answers for the text [`covers`] accepts: ASCII, Latin letters, the general punctuation
//! and currency signs, which is what news sentences are written in. Other text goes to the
//! `vader-parity` crate (see `tone`): VADER turns emoji into words first, and the case mapping
//! of other scripts may differ between the Unicode tables of Python and of Rust. On what it
//! covers the score is the reference's, to the bit: tests/vader.rs compares it with the crate's
//! on the samples, on hand-made sentences for every rule, and on BASIL dev when present.
//!
//! The rules, in the order they apply to each token (a whitespace-separated word with ASCII
//! punctuation stripped from its ends, unless fewer than three characters would be left):
//! a booster ("very") or the "kind" of "kind of" scores 0 itself; a lexicon word takes its
//! valence, which "no" before it (up to three words back) negates; ALL CAPS among other words
//! adds emphasis; each of the three words before it that is not itself in the lexicon may boost
//! or dampen it (less with distance) or negate it ("not", "never", "-n't"); "never so" and
//! "never this" intensify; idioms replace it; "least" before it negates. Then every score before
//! the first "but" is halved and every one after it is taken half again, the scores are summed
//! (as Python sums a mix of integers and floats), "!" and "?" add emphasis, and the sum is
//! normalised to −1 … +1 and rounded to four decimals. VADER's known quirks are kept: the "but"
//! rule finds each score by its value, as the reference does.

use rustc_hash::{FxHashMap, FxHashSet};
use std::sync::OnceLock;

/// Added to (or taken from) a word in ALL CAPS among words that are not.
const C_INCR: f64 = 0.733;
/// The factor of a negated valence.
const N_SCALAR: f64 = -0.74;
/// Emphasis per "!", counted up to four.
const EXCLAMATION: f64 = 0.292;
/// Emphasis per "?", when there are two or three; more count as [`QUESTIONS_MAX`].
const QUESTION: f64 = 0.18;
const QUESTIONS_MAX: f64 = 0.96;
/// The normalisation's alpha: compound = sum / √(sum² + alpha).
const ALPHA: f64 = 15.0;

/// A valence as the reference holds it: a Python float, or an integer (a token with no valence
/// scores the integer 0, and some idioms set an integer). Python's `sum` adds the two kinds
/// differently, which shows in the last bits of the compound.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Valence {
    value: f64,
    integer: bool,
}

impl Valence {
    const ZERO: Valence = Valence {
        value: 0.0,
        integer: true,
    };

    fn float(value: f64) -> Valence {
        Valence {
            value,
            integer: false,
        }
    }
}

/// VADER's data, read once.
struct Rules {
    lexicon: FxHashMap<&'static str, f64>,
    boosters: FxHashMap<&'static str, f64>,
    negations: FxHashSet<&'static str>,
    idioms: FxHashMap<&'static str, Valence>,
    /// Every word of an idiom or of a booster of more than one word: a run of words can be one
    /// of these only when each of its words is here.
    phrase_words: FxHashSet<&'static str>,
}

fn rules() -> &'static Rules {
    static RULES: OnceLock<Rules> = OnceLock::new();
    RULES.get_or_init(|| {
        let mut lexicon = FxHashMap::default();
        lexicon.reserve(7600);
        for &(word, valence) in lexicon_entries() {
            lexicon.insert(word, valence);
        }
        let mut rules = Rules {
            lexicon,
            boosters: FxHashMap::default(),
            negations: FxHashSet::default(),
            idioms: FxHashMap::default(),
            phrase_words: FxHashSet::default(),
        };
        for line in include_str!("../../assets/text/vader_rules.tsv").lines() {
            if line.starts_with('#') || line.is_empty() {
                continue;
            }
            let mut fields = line.split('\t');
            let (list, entry, value) = (fields.next(), fields.next(), fields.next());
            let number = || -> f64 {
                value
                    .and_then(|v| v.parse().ok())
                    .expect("assets/text/vader_rules.tsv: a number")
            };
            match (list, entry) {
                (Some("negate"), Some(w)) => {
                    rules.negations.insert(w);
                }
                (Some("booster"), Some(w)) => {
                    rules.boosters.insert(w, number());
                }
                (Some("idiom"), Some(w)) => {
                    let integer = value.is_some_and(|v| !v.contains('.'));
                    rules.idioms.insert(
                        w,
                        Valence {
                            value: number(),
                            integer,
                        },
                    );
                }
                _ => panic!("assets/text/vader_rules.tsv: a line this code does not know: {line}"),
            }
        }
        let phrases = rules.idioms.keys().chain(rules.boosters.keys());
        let words: Vec<&'static str> = phrases
            .filter(|k| k.contains(' '))
            .flat_map(|k| k.split(' '))
            .collect();
        rules.phrase_words.extend(words);
        rules
    })
}

/// VADER's lexicon entries in the order of its file, each token with its mean valence
/// (−4 … +4) as the reference reads it (a Python float). Read once.
pub fn lexicon_entries() -> &'static [(&'static str, f64)] {
    static ENTRIES: OnceLock<Vec<(&'static str, f64)>> = OnceLock::new();
    ENTRIES.get_or_init(|| {
        include_str!("../../assets/text/vader_lexicon.tsv")
            .lines()
            .filter(|l| !l.starts_with("# "))
            .filter_map(|l| {
                let (token, valence) = l.split_once('\t')?;
                Some((token, parse_decimal(valence.trim())?))
            })
            .collect()
    })
}

/// A decimal as `str::parse::<f64>` reads it, quicker for the short ones of VADER's lexicon
/// ("-1.5"): digits with at most one point, read as a whole number over a power of ten, which
/// one division rounds exactly as the parser does (both are the nearest double to the same
/// fraction, while the whole number and the power stay exact). Anything else goes to the
/// parser.
fn parse_decimal(text: &str) -> Option<f64> {
    let (negative, digits) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, ""));
    let plain = |d: &str| d.bytes().all(|b| b.is_ascii_digit());
    if whole.is_empty() || whole.len() + fraction.len() > 15 || !plain(whole) || !plain(fraction) {
        return text.parse().ok();
    }
    let mut mantissa = 0u64;
    for b in whole.bytes().chain(fraction.bytes()) {
        mantissa = mantissa * 10 + u64::from(b - b'0');
    }
    let value = mantissa as f64 / 10f64.powi(fraction.len() as i32);
    Some(if negative { -value } else { value })
}

/// Reads VADER's data now (it is otherwise read on first use).
pub fn warm_up() {
    let _ = rules();
}

/// Whether [`compound`] scores `text` exactly as the reference does: every character is
/// printable ASCII or ASCII white space (but not the four separators U+001C–U+001F, white space
/// to Python only), a character of U+00A0–U+024F other than © and ® (emoji to VADER) and the
/// title-case digraphs, or one of U+2010–U+20CF (punctuation, super- and subscripts, currency)
/// other than ‼ and ⁉ (emoji to VADER). Casing, white space and punctuation agree between
/// Python and Rust on all of these.
pub fn covers(text: &str) -> bool {
    text.chars().all(|c| match c {
        ' '..='~' | '\t' | '\n' | '\r' | '\u{b}' | '\u{c}' => true,
        '\u{a9}' | '\u{ae}' | '\u{1c4}'..='\u{1cc}' | '\u{1f1}'..='\u{1f3}' => false,
        '\u{203c}' | '\u{2049}' => false,
        '\u{a0}'..='\u{24f}' | '\u{2010}'..='\u{20cf}' => true,
        _ => false,
    })
}

/// Python's `str.isupper` for the characters [`covers`] accepts: some upper-case letter and
/// no lower-case one.
fn is_upper(word: &str) -> bool {
    if word.is_ascii() {
        let b = word.as_bytes();
        return b.iter().any(u8::is_ascii_uppercase) && !b.iter().any(u8::is_ascii_lowercase);
    }
    let mut cased = false;
    for c in word.chars() {
        if c.is_lowercase() {
            return false;
        }
        cased |= c.is_uppercase();
    }
    cased
}

/// The tokens of a text as VADER reads them: whitespace-separated words with ASCII punctuation
/// stripped from their ends (unless fewer than three characters would be left), in lower case,
/// all in one buffer; and for each whether it is in ALL CAPS.
struct Tokens {
    lower: String,
    ends: Vec<(usize, usize)>,
    upper: Vec<bool>,
}

impl Tokens {
    fn new(text: &str) -> Tokens {
        let mut t = Tokens {
            lower: String::with_capacity(text.len()),
            ends: Vec::with_capacity(text.len() / 5 + 1),
            upper: Vec::with_capacity(text.len() / 5 + 1),
        };
        for w in text.split_whitespace() {
            // Python's `string.punctuation` is the ASCII punctuation
            let stripped = w.trim_matches(|c: char| c.is_ascii_punctuation());
            let word = if stripped.chars().count() <= 2 {
                w
            } else {
                stripped
            };
            let start = t.lower.len();
            if word.is_ascii() {
                t.lower.push_str(word);
                t.lower[start..].make_ascii_lowercase();
            } else {
                t.lower.push_str(&word.to_lowercase());
            }
            t.ends.push((start, t.lower.len()));
            t.upper.push(is_upper(word));
        }
        t
    }

    fn words(&self) -> Vec<&str> {
        self.ends.iter().map(|&(s, e)| &self.lower[s..e]).collect()
    }
}

/// VADER's compound score of `text` (−1 … +1, four decimals), for text that [`covers`]
/// accepts.
pub fn compound(text: &str) -> f64 {
    let rules = rules();
    let tokens = Tokens::new(text);
    let words = tokens.words();
    let n = words.len();
    let uppers = tokens.upper.iter().filter(|&&u| u).count();
    let cap_differential = n > uppers && uppers > 0;
    let scorer = Scorer {
        rules,
        words: &words,
        upper: &tokens.upper,
        cap_differential,
    };
    let mut sentiments: Vec<Valence> = Vec::with_capacity(n);
    for i in 0..n {
        let skip = rules.boosters.contains_key(words[i])
            || (words[i] == "kind" && words.get(i + 1) == Some(&"of"));
        sentiments.push(if skip {
            Valence::ZERO
        } else {
            scorer.valence(i)
        });
    }
    but_check(&words, &mut sentiments);
    if sentiments.is_empty() {
        return 0.0;
    }
    let mut sum = python_sum(&sentiments);
    let emphasis = punctuation_emphasis(text);
    if sum > 0.0 {
        sum += emphasis;
    } else if sum < 0.0 {
        sum -= emphasis;
    }
    let normalised = (sum / (sum * sum + ALPHA).sqrt()).clamp(-1.0, 1.0);
    round4(normalised)
}

/// Python's `round(x, 4)`: the decimal nearest to the exact value of `x`.
fn round4(x: f64) -> f64 {
    format!("{x:.4}").parse().unwrap_or(x)
}

/// CPython's `sum` over a list of integers and floats: integers add exactly until the first
/// float; from there floats add with Neumaier's compensation and integers add plainly; the
/// compensation joins at the end when it is not zero.
fn python_sum(values: &[Valence]) -> f64 {
    let mut rest = values.iter();
    let mut whole = 0i64;
    let mut total = loop {
        match rest.next() {
            None => return whole as f64,
            Some(v) if v.integer => whole += v.value as i64,
            Some(v) => break whole as f64 + v.value,
        }
    };
    let mut compensation = 0.0f64;
    for v in rest {
        if v.integer {
            total += v.value;
            continue;
        }
        let x = v.value;
        let t = total + x;
        if total.abs() >= x.abs() {
            compensation += (total - t) + x;
        } else {
            compensation += (x - t) + total;
        }
        total = t;
    }
    if compensation != 0.0 && compensation.is_finite() {
        total += compensation;
    }
    total
}

/// Emphasis from "!" (up to four) and from two or more "?".
fn punctuation_emphasis(text: &str) -> f64 {
    let count = |b: u8| text.bytes().filter(|&c| c == b).count();
    let exclamations = count(b'!').min(4) as f64 * EXCLAMATION;
    let questions = match count(b'?') {
        0 | 1 => 0.0,
        q @ 2..=3 => q as f64 * QUESTION,
        _ => QUESTIONS_MAX,
    };
    exclamations + questions
}

/// The contrastive "but": scores before the first one are halved, scores after it taken half
/// again. Like the reference, each score is found by its value (the first equal one), so a
/// repeated value changes at its first place.
fn but_check(words: &[&str], sentiments: &mut [Valence]) {
    let Some(but) = words.iter().position(|w| *w == "but") else {
        return;
    };
    for k in 0..sentiments.len() {
        let s = sentiments[k];
        let Some(at) = sentiments.iter().position(|x| x.value == s.value) else {
            continue;
        };
        if at < but {
            sentiments[at] = Valence::float(s.value * 0.5);
        } else if at > but {
            sentiments[at] = Valence::float(s.value * 1.5);
        }
    }
}

struct Scorer<'a> {
    rules: &'a Rules,
    words: &'a [&'a str],
    upper: &'a [bool],
    cap_differential: bool,
}

impl Scorer<'_> {
    fn known(&self, word: &str) -> bool {
        self.rules.lexicon.contains_key(word)
    }

    /// The word `back` places before `i` (`i >= back`).
    fn before(&self, i: usize, back: usize) -> &str {
        self.words[i - back]
    }

    /// The valence of the token at `i` (not a booster).
    fn valence(&self, i: usize) -> Valence {
        let words = self.words;
        let Some(&own) = self.rules.lexicon.get(words[i]) else {
            return Valence::ZERO;
        };
        let mut value = own;
        if words[i] == "no" && words.get(i + 1).is_some_and(|next| self.known(next)) {
            value = 0.0;
        }
        if (i > 0 && self.before(i, 1) == "no")
            || (i > 1 && self.before(i, 2) == "no")
            || (i > 2 && self.before(i, 3) == "no" && matches!(self.before(i, 1), "or" | "nor"))
        {
            value = own * N_SCALAR;
        }
        if self.upper[i] && self.cap_differential {
            if value > 0.0 {
                value += C_INCR;
            } else {
                value -= C_INCR;
            }
        }
        let mut valence = Valence::float(value);
        for start in 0..3 {
            if i > start && !self.known(self.before(i, start + 1)) {
                let mut s = self.scalar(i - start - 1, valence.value);
                if start == 1 && s != 0.0 {
                    s *= 0.95;
                }
                if start == 2 && s != 0.0 {
                    s *= 0.9;
                }
                valence = Valence::float(valence.value + s);
                valence = self.negation_check(valence, start, i);
                if start == 2 {
                    valence = self.idioms_check(valence, i);
                }
            }
        }
        self.least_check(valence, i)
    }

    /// How much the booster or dampener at `j` changes a valence (0 for other words).
    fn scalar(&self, j: usize, valence: f64) -> f64 {
        let Some(&increment) = self.rules.boosters.get(self.words[j]) else {
            return 0.0;
        };
        let mut scalar = increment;
        if valence < 0.0 {
            scalar = -scalar;
        }
        if self.upper[j] && self.cap_differential {
            if valence > 0.0 {
                scalar += C_INCR;
            } else {
                scalar -= C_INCR;
            }
        }
        scalar
    }

    fn negated(&self, word: &str) -> bool {
        self.rules.negations.contains(word) || word.contains("n't")
    }

    /// Negation by the word `start + 1` places back, and "never so", "without doubt".
    fn negation_check(&self, valence: Valence, start: usize, i: usize) -> Valence {
        let negate = Valence::float(valence.value * N_SCALAR);
        match start {
            0 => {
                if self.negated(self.before(i, 1)) {
                    return negate;
                }
            }
            1 => {
                let (two, one) = (self.before(i, 2), self.before(i, 1));
                if two == "never" && matches!(one, "so" | "this") {
                    return Valence::float(valence.value * 1.25);
                } else if two == "without" && one == "doubt" {
                    return valence;
                } else if self.negated(two) {
                    return negate;
                }
            }
            _ => {
                let (three, two, one) = (self.before(i, 3), self.before(i, 2), self.before(i, 1));
                // as the reference groups it: (never and (so or this)) or (so or this)
                if (three == "never" && matches!(two, "so" | "this"))
                    || matches!(one, "so" | "this")
                {
                    return Valence::float(valence.value * 1.25);
                } else if three == "without" && (two == "doubt" || one == "doubt") {
                    return valence;
                } else if self.negated(three) {
                    return negate;
                }
            }
        }
        valence
    }

    /// Special-case idioms around the token at `i` (`i > 2`), then the two- and three-word
    /// boosters just before it ("kind of").
    fn idioms_check(&self, mut valence: Valence, i: usize) -> Valence {
        let w = self.words;
        // a run of words is joined only when it may be an idiom or a booster
        let join = |parts: &[&str]| {
            if parts.iter().all(|p| self.rules.phrase_words.contains(p)) {
                parts.join(" ")
            } else {
                String::new()
            }
        };
        let (three, two, one, zero) = (w[i - 3], w[i - 2], w[i - 1], w[i]);
        let before = [
            join(&[one, zero]),
            join(&[two, one, zero]),
            join(&[two, one]),
            join(&[three, two, one]),
            join(&[three, two]),
        ];
        if let Some(v) = before
            .iter()
            .find_map(|s| self.rules.idioms.get(s.as_str()))
        {
            valence = *v;
        }
        if let Some(next) = w.get(i + 1)
            && let Some(v) = self.rules.idioms.get(join(&[zero, next]).as_str())
        {
            valence = *v;
        }
        if let (Some(next), Some(after)) = (w.get(i + 1), w.get(i + 2))
            && let Some(v) = self.rules.idioms.get(join(&[zero, next, after]).as_str())
        {
            valence = *v;
        }
        for gram in [&before[3], &before[4], &before[2]] {
            if let Some(b) = self.rules.boosters.get(gram.as_str()) {
                valence = Valence::float(valence.value + b);
            }
        }
        valence
    }

    /// "least" just before the token negates it, unless "at least" or "very least".
    fn least_check(&self, valence: Valence, i: usize) -> Valence {
        let negate = Valence::float(valence.value * N_SCALAR);
        if i > 1 && !self.known(self.before(i, 1)) && self.before(i, 1) == "least" {
            if self.before(i, 2) != "at" && self.before(i, 2) != "very" {
                return negate;
            }
        } else if i > 0 && !self.known(self.before(i, 1)) && self.before(i, 1) == "least" {
            return negate;
        }
        valence
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_rules_file_is_read_whole() {
        let r = rules();
        assert_eq!(r.negations.len(), 59);
        assert_eq!(r.boosters.get("very"), Some(&0.293));
        assert_eq!(r.boosters.get("kind of"), Some(&-0.293));
        assert_eq!(
            r.idioms.get("the bomb"),
            Some(&Valence {
                value: 3.0,
                integer: true
            })
        );
        assert_eq!(
            r.idioms.get("bus stop"),
            Some(&Valence {
                value: 0.0,
                integer: false
            })
        );
        assert_eq!(r.lexicon.len(), 7506);
    }

    #[test]
    fn decimals_read_as_the_parser_reads_them() {
        let text = include_str!("../../assets/text/vader_lexicon.tsv");
        let mut checked = 0;
        for line in text.lines().filter(|l| !l.starts_with("# ")) {
            let (_, v) = line.split_once('\t').expect("token and valence");
            let v = v.trim();
            assert_eq!(
                parse_decimal(v).map(f64::to_bits),
                v.parse::<f64>().ok().map(f64::to_bits),
                "{v}"
            );
            checked += 1;
        }
        assert_eq!(checked, 7520);
        for v in [
            "0",
            "-0",
            "0.1",
            "0.3",
            "-2.675",
            "123456789.012345",
            "1e3",
            "",
            "-",
            ".5",
            "5.",
        ] {
            assert_eq!(
                parse_decimal(v).map(f64::to_bits),
                v.parse::<f64>().ok().map(f64::to_bits),
                "{v}"
            );
        }
    }

    #[test]
    fn scores_have_the_expected_sign_and_rules_apply() {
        let good = compound("The plan is good.");
        assert!(good > 0.3, "{good}");
        assert!(compound("The plan is not good.") < 0.0);
        assert!(compound("The plan is very good.") > good);
        assert!(compound("The plan is GOOD, they said.") > good);
        assert!(compound("The plan is good!!") > good);
        assert_eq!(compound("The talks began on Monday."), 0.0);
        assert_eq!(compound(""), 0.0);
    }

    #[test]
    fn the_sum_is_pythons() {
        // integers add exactly, then floats with compensation
        let v = [
            Valence::ZERO,
            Valence::float(0.1),
            Valence::float(0.2),
            Valence::float(0.3),
        ];
        assert_eq!(python_sum(&v), 0.6);
        assert_ne!(
            0.1 + 0.2 + 0.3,
            0.6,
            "plain addition differs in the last bit"
        );
    }

    #[test]
    fn pythons_string_punctuation_is_the_ascii_punctuation() {
        // VADER strips `string.punctuation`; `tokens` strips `is_ascii_punctuation`
        let python = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";
        assert_eq!(python.len(), 32);
        for c in (0u8..=127).map(char::from) {
            assert_eq!(c.is_ascii_punctuation(), python.contains(c), "{c:?}");
        }
    }

    #[test]
    fn coverage_excludes_emoji_and_other_scripts() {
        assert!(covers("“Fine,” she said — 5 € à la café."));
        assert!(!covers("Great ‼"));
        assert!(!covers("© 2024"));
        assert!(!covers("Мир"));
        assert!(!covers("nice 😀"));
    }
}
