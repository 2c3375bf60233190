//! Word-level meaning evidence from Princeton WordNet 3.0: base forms of inflected words
//! (WordNet's morphy: exception lists, then the detachment rules of each part of speech), and
//! how two words relate — same synset (synonyms), adjective similar-to cluster, direct hypernym,
//! or co-hyponyms of one direct hypernym — so a tie between two sentences can say
//! "pointless ≈ senseless".
//!
//! The data is the compact asset built by `tools/build_wordnet.py` into `assets/wordnet/`
//! (single-word lemmas of every synset, hypernym and similar-to pointers, exception lists), with
//! WordNet's licence beside it. It is compiled in and parsed once, on first use.

use super::vocab_table::{find_sorted, u32_at};
use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

const BUILTIN_SYNSETS: &str = include_str!("../../assets/wordnet/synsets.txt");
const BUILTIN_EXCEPTIONS: &str = include_str!("../../assets/wordnet/exceptions.txt");

/// A WordNet part of speech.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Pos {
    Noun,
    Verb,
    Adjective,
    Adverb,
}

impl Pos {
    const ALL: [Pos; 4] = [Pos::Noun, Pos::Verb, Pos::Adjective, Pos::Adverb];

    fn from_letter(s: &str) -> Option<Pos> {
        match s {
            "n" => Some(Pos::Noun),
            "v" => Some(Pos::Verb),
            "a" | "s" => Some(Pos::Adjective),
            "r" => Some(Pos::Adverb),
            _ => None,
        }
    }

    /// Morphy's rules of detachment: (suffix, ending that replaces it).
    fn rules(self) -> &'static [(&'static str, &'static str)] {
        match self {
            Pos::Noun => &[
                ("s", ""),
                ("ses", "s"),
                ("xes", "x"),
                ("zes", "z"),
                ("ches", "ch"),
                ("shes", "sh"),
                ("men", "man"),
                ("ies", "y"),
            ],
            Pos::Verb => &[
                ("s", ""),
                ("ies", "y"),
                ("es", "e"),
                ("es", ""),
                ("ed", "e"),
                ("ed", ""),
                ("ing", "e"),
                ("ing", ""),
            ],
            Pos::Adjective => &[("er", ""), ("est", ""), ("er", "e"), ("est", "e")],
            Pos::Adverb => &[],
        }
    }
}

/// Index of a synset in the built-in data.
pub type SynsetId = u32;

/// One synset as ranges into the flat pools of [`WordNet`] (no allocation per synset).
#[derive(Debug, Clone, Copy)]
struct SynsetData {
    pos: Pos,
    lemmas: (u32, u32),
    hypernyms: (u32, u32),
    similar: (u32, u32),
}

/// A synset: its part of speech and its single-word lemmas.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Synset<'a> {
    pub id: SynsetId,
    pub pos: Pos,
    pub lemmas: &'a [&'static str],
}

/// How two words relate in WordNet, strongest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum RelationKind {
    /// Both are lemmas of one synset.
    Synonym,
    /// Adjectives of one similar-to cluster ("pointless" ≈ "worthless").
    Similar,
    /// One word's synset is a direct hypernym of the other's ("summit" is a kind of "meeting").
    Hypernym,
    /// Both synsets have the same direct hypernym ("summit" and "conference": kinds of meeting).
    CoHyponym,
}

/// The evidence that two words relate: the kind and the synsets involved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Relation {
    pub kind: RelationKind,
    /// The first word's synset.
    pub a: SynsetId,
    /// The second word's synset (the same as `a` for synonyms).
    pub b: SynsetId,
    /// The shared hypernym of co-hyponyms.
    pub via: Option<SynsetId>,
}

/// The WordNet data: synsets, lemma index and exception lists.
#[derive(Debug)]
pub struct WordNet {
    synsets: Vec<SynsetData>,
    /// All synsets' lemmas, one after the other.
    lemma_pool: Vec<&'static str>,
    /// Synset of each entry of `lemma_pool`.
    lemma_synset: Vec<SynsetId>,
    /// Next entry of `lemma_pool` with the same (pos, lemma), or `u32::MAX`.
    lemma_next: Vec<u32>,
    /// Hypernym and similar-to targets, one after the other.
    pointer_pool: Vec<SynsetId>,
    /// (pos, lemma) → first entry of `lemma_pool`.
    index: HashMap<(Pos, &'static str), u32>,
    exceptions: HashMap<(Pos, &'static str), Vec<&'static str>>,
}

fn normalize_word(word: &str) -> std::borrow::Cow<'_, str> {
    let t = word.trim();
    // most words come lower-case and plain already
    if t.bytes()
        .all(|b| b.is_ascii_lowercase() || b == b'\'' || b == b'-')
    {
        return t.into();
    }
    t.replace(['\u{2019}', '\u{2018}'], "'")
        .to_lowercase()
        .into()
}

const NONE: u32 = u32::MAX;

/// Whether a word is an irregular form of a verb in WordNet's exception list ("stood", "took",
/// "went"). Reads the small exception list only, not the synsets: cheap where the whole
/// WordNet is not needed.
pub fn irregular_verb_form(word: &str) -> bool {
    static FORMS: OnceLock<rustc_hash::FxHashSet<&'static str>> = OnceLock::new();
    FORMS
        .get_or_init(|| {
            BUILTIN_EXCEPTIONS
                .lines()
                .filter_map(|l| l.strip_prefix("v\t")?.split('\t').next())
                .collect()
        })
        .contains(word)
}

/// The words of the built-in WordNet with their parts of speech (see build.rs,
/// `write_parts_of_speech`): sorted words, their starts, one byte of parts each.
const WORDS: &str = include_str!(concat!(env!("OUT_DIR"), "/wordnet_words.txt"));
const WORD_STARTS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/wordnet_word_starts.bin"));
const WORD_PARTS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/wordnet_word_parts.bin"));

const WORD_SYNSET_STARTS: &[u8] =
    include_bytes!(concat!(env!("OUT_DIR"), "/wordnet_word_synset_starts.bin"));
const WORD_SYNSETS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/wordnet_word_synsets.bin"));
const SYNSET_POS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/wordnet_synset_pos.bin"));
const SIMILAR_STARTS: &[u8] =
    include_bytes!(concat!(env!("OUT_DIR"), "/wordnet_similar_starts.bin"));
const SIMILAR: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/wordnet_similar.bin"));

/// Entries `from(k)..from(k + 1)` of a pool of u32 (an empty range where the tables end).
fn pool_range(starts: &[u8], pool: &'static [u8], k: usize) -> impl Iterator<Item = u32> {
    let (a, b) = (u32_at(starts, k), u32_at(starts, k + 1));
    let range = match (a, b) {
        (Some(a), Some(b)) => a as usize..b as usize,
        _ => 0..0,
    };
    range.filter_map(move |i| u32_at(pool, i))
}

/// Where a word stands in the compiled word list.
fn word_index(word: &str) -> Option<usize> {
    find_sorted(WORD_PARTS.len(), |k| {
        Some(word_at(k).as_bytes().cmp(word.as_bytes()))
    })
}

/// The parts-of-speech byte of a word as written in the built-in WordNet (0 if not there).
fn word_parts(word: &str) -> u8 {
    word_index(word).map_or(0, |k| WORD_PARTS[k])
}

const EXCEPTION_STARTS: &[u8] =
    include_bytes!(concat!(env!("OUT_DIR"), "/wordnet_exception_starts.bin"));
const EXCEPTIONS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/wordnet_exceptions.bin"));
const BROAD_HEADS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/wordnet_broad_heads.bin"));

/// The word at index `k` of the compiled word list (each word ends with its newline).
fn word_at(k: usize) -> &'static str {
    let start = |k: usize| u32_at(WORD_STARTS, k).map_or(WORDS.len(), |s| s as usize);
    WORDS
        .get(start(k)..start(k + 1).saturating_sub(1))
        .unwrap_or("")
}

/// [`WordNet::base_forms`] over the compiled tables (`word` already normalised).
fn compiled_base_forms(word: &str, pos: Pos) -> Vec<String> {
    let bit = 1u8 << pos as u8;
    let mut out: Vec<String> = Vec::new();
    let mut push = |s: &str| {
        if !out.iter().any(|o| o == s) {
            out.push(s.to_string());
        }
    };
    if word.is_empty() {
        return out;
    }
    if word_parts(word) & bit != 0 {
        push(word);
    }
    if let Some(k) = word_index(word) {
        for e in pool_range(EXCEPTION_STARTS, EXCEPTIONS, k) {
            if e >> 28 == pos as u32 {
                push(word_at((e & 0x0fff_ffff) as usize));
            }
        }
    }
    let mut candidate = String::new();
    for (suffix, ending) in pos.rules() {
        if let Some(stem) = word.strip_suffix(suffix).filter(|s| !s.is_empty()) {
            candidate.clear();
            candidate.push_str(stem);
            candidate.push_str(ending);
            if word_parts(&candidate) & bit != 0 {
                push(&candidate);
            }
        }
    }
    out
}

/// Every synset of a word over all parts of speech, through its base forms: the same set as
/// [`WordNet::synsets_of`], read from the compiled tables (nothing parsed).
pub fn synsets_of_word(word: &str) -> Vec<SynsetId> {
    let word = normalize_word(word);
    let mut out = Vec::new();
    for pos in Pos::ALL {
        for base in compiled_base_forms(&word, pos) {
            let Some(k) = word_index(&base) else {
                continue;
            };
            for id in pool_range(WORD_SYNSET_STARTS, WORD_SYNSETS, k) {
                if SYNSET_POS.get(id as usize) == Some(&(pos as u8)) && !out.contains(&id) {
                    out.push(id);
                }
            }
        }
    }
    out
}

/// Whether WordNet knows a word mostly as a noun: at least half of its senses (synsets, through
/// its base forms) are nouns ("photo", "image", "decades"; not "tell" or "know", whose noun
/// senses are one against many as verbs, nor a word it does not know).
pub fn mostly_noun(word: &str) -> bool {
    let synsets = synsets_of_word(word);
    let nouns = synsets
        .iter()
        .filter(|&&id| SYNSET_POS.get(id as usize) == Some(&(Pos::Noun as u8)))
        .count();
    nouns > 0 && 2 * nouns >= synsets.len()
}

/// Whether two words are forms of one word (the same normalised text, or a base form in
/// common), over the compiled tables.
fn compiled_same_word(a: &str, b: &str) -> bool {
    let (na, nb) = (normalize_word(a), normalize_word(b));
    na == nb
        || Pos::ALL.iter().any(|&pos| {
            let ba = compiled_base_forms(&na, pos);
            compiled_base_forms(&nb, pos).iter().any(|x| ba.contains(x))
        })
}

/// Synsets that more than 25 synsets name as similar, sorted (compiled in by build.rs): heads
/// of clusters too broad to tie two words ("cardinal", with every number word among its
/// satellites).
fn is_broad_head(id: u32) -> bool {
    find_sorted(BROAD_HEADS.len() / 4, |k| {
        Some(u32_at(BROAD_HEADS, k).unwrap_or(u32::MAX).cmp(&id))
    })
    .is_some()
}

/// The keys two words' synsets meet on when the words are tied in meaning ([`meaning_tie`]):
/// each synset and its similar-to targets other than broad heads, sorted. Two words that share
/// a key share a synset or have similar synsets (one's target is the other, or they have a
/// target in common), so a caller can find candidate ties among many words by merging sorted
/// keys, and confirm each with [`meaning_tie`]; adjectives alike only through a broad head
/// ("five", "million": both cardinal numbers) share no key.
pub fn meaning_keys(synsets: &[SynsetId]) -> Vec<u32> {
    let mut keys: Vec<u32> = synsets
        .iter()
        .flat_map(|&x| {
            std::iter::once(x).chain(
                pool_range(SIMILAR_STARTS, SIMILAR, x as usize).filter(|&t| !is_broad_head(t)),
            )
        })
        .collect();
    keys.sort_unstable();
    keys.dedup();
    keys
}

/// The tie in meaning between two different words that evidence can show as "a ≈ b": they
/// share a synset ([`RelationKind::Synonym`]) or are adjectives of one similar-to cluster
/// ([`RelationKind::Similar`]: "pointless" ≈ "worthless"); the weaker relations (a kind of,
/// kinds of one thing) are left out. `sa` and `sb` are the words' synsets
/// ([`synsets_of_word`]), passed in so that a caller comparing many words looks each up once.
/// The same answer as [`WordNet::relation`] when that is one of these two kinds.
pub fn meaning_tie(a: &str, sa: &[SynsetId], b: &str, sb: &[SynsetId]) -> Option<RelationKind> {
    if sa.is_empty() || sb.is_empty() {
        return None;
    }
    let synonym = sa.iter().any(|x| sb.contains(x));
    let similar = || {
        sa.iter().any(|&x| {
            let dx: Vec<u32> = pool_range(SIMILAR_STARTS, SIMILAR, x as usize).collect();
            sb.iter().any(|&y| {
                dx.contains(&y)
                    || pool_range(SIMILAR_STARTS, SIMILAR, y as usize)
                        .any(|h| h == x || dx.contains(&h))
            })
        })
    };
    let kind = if synonym {
        RelationKind::Synonym
    } else if similar() {
        RelationKind::Similar
    } else {
        return None;
    };
    (!compiled_same_word(a, b)).then_some(kind)
}

/// Every part of speech the built-in WordNet knows a word as through its base forms ("went"
/// as a verb, "fancy" as a noun, a verb and an adjective), one bit each (bit `i` for [`Pos`]
/// `i`: noun, verb, adjective, adverb): bit `pos` is set exactly when
/// `WordNet::builtin().base_forms(word, pos)` is not empty. Read from tables compiled in by
/// build.rs, so nothing is parsed (cheap where the rest of WordNet is not needed), with one
/// look-up of the word itself.
pub fn parts_of_speech(word: &str) -> u8 {
    let word = normalize_word(word);
    if word.is_empty() {
        return 0;
    }
    // a lemma, or an irregular form
    let own = word_parts(&word);
    let mut parts = (own | own >> 4) & 0b1111;
    let mut candidate = String::new();
    for pos in Pos::ALL {
        let bit = 1u8 << pos as u8;
        if parts & bit != 0 {
            continue;
        }
        let found = pos.rules().iter().any(|(suffix, ending)| {
            word.strip_suffix(suffix)
                .filter(|stem| !stem.is_empty())
                .is_some_and(|stem| {
                    candidate.clear();
                    candidate.push_str(stem);
                    candidate.push_str(ending);
                    word_parts(&candidate) & bit != 0
                })
        });
        if found {
            parts |= bit;
        }
    }
    parts
}

impl WordNet {
    /// The WordNet data compiled into framediff (parsed once, on first use).
    pub fn builtin() -> &'static WordNet {
        static BUILTIN: OnceLock<WordNet> = OnceLock::new();
        BUILTIN.get_or_init(WordNet::load_builtin)
    }

    /// A fresh parse of the built-in data (for measuring load time; prefer [`Self::builtin`]).
    pub fn load_builtin() -> WordNet {
        WordNet::parse(BUILTIN_SYNSETS, BUILTIN_EXCEPTIONS)
    }

    /// Parses the asset format of `tools/build_wordnet.py`. Malformed lines are skipped (the
    /// line numbering of synsets is kept, so pointers stay valid).
    pub fn parse(synsets: &'static str, exceptions: &'static str) -> WordNet {
        let lines = synsets.lines().count();
        let mut wn = WordNet {
            synsets: Vec::with_capacity(lines),
            lemma_pool: Vec::with_capacity(lines * 2),
            lemma_synset: Vec::with_capacity(lines * 2),
            lemma_next: Vec::with_capacity(lines * 2),
            pointer_pool: Vec::with_capacity(lines),
            index: HashMap::with_capacity(lines * 2),
            exceptions: HashMap::new(),
        };
        let len = |v: usize| v as u32;
        for (i, line) in synsets.lines().enumerate() {
            let mut cols = line.split('\t');
            let pos = cols.next().and_then(Pos::from_letter);
            let lemma_col = cols.next().unwrap_or("");
            let pointer_col = cols.next().unwrap_or("");
            let start = len(wn.lemma_pool.len());
            let Some(pos) = pos else {
                let p = len(wn.pointer_pool.len());
                wn.synsets.push(SynsetData {
                    pos: Pos::Noun,
                    lemmas: (start, start),
                    hypernyms: (p, p),
                    similar: (p, p),
                });
                continue;
            };
            for lemma in lemma_col.split_whitespace() {
                let k = len(wn.lemma_pool.len());
                wn.lemma_pool.push(lemma);
                wn.lemma_synset.push(i as SynsetId);
                let next = wn.index.insert((pos, lemma), k).unwrap_or(NONE);
                wn.lemma_next.push(next);
            }
            let lemmas = (start, len(wn.lemma_pool.len()));
            let mut ranges = [(0, 0); 2];
            for (slot, marker) in [(0, b'@'), (1, b'&')] {
                let from = len(wn.pointer_pool.len());
                for ptr in pointer_col.split_whitespace() {
                    if ptr.as_bytes().first() == Some(&marker)
                        && let Some(t) = ptr.get(1..).and_then(|t| t.parse::<SynsetId>().ok())
                    {
                        wn.pointer_pool.push(t);
                    }
                }
                ranges[slot] = (from, len(wn.pointer_pool.len()));
            }
            wn.synsets.push(SynsetData {
                pos,
                lemmas,
                hypernyms: ranges[0],
                similar: ranges[1],
            });
        }
        for line in exceptions.lines() {
            let mut cols = line.split('\t');
            let (Some(pos), Some(form), Some(bases)) = (
                cols.next().and_then(Pos::from_letter),
                cols.next(),
                cols.next(),
            ) else {
                continue;
            };
            wn.exceptions
                .entry((pos, form))
                .or_default()
                .extend(bases.split_whitespace());
        }
        wn
    }

    fn lemmas_of(&self, s: &SynsetData) -> &[&'static str] {
        &self.lemma_pool[s.lemmas.0 as usize..s.lemmas.1 as usize]
    }

    fn hypernyms(&self, id: SynsetId) -> &[SynsetId] {
        let s = &self.synsets[id as usize];
        &self.pointer_pool[s.hypernyms.0 as usize..s.hypernyms.1 as usize]
    }

    fn similar(&self, id: SynsetId) -> &[SynsetId] {
        let s = &self.synsets[id as usize];
        &self.pointer_pool[s.similar.0 as usize..s.similar.1 as usize]
    }

    /// Synsets that have `lemma` in part of speech `pos`.
    fn lemma_synsets(&self, pos: Pos, lemma: &str) -> impl Iterator<Item = SynsetId> + '_ {
        let mut k = self.index.get(&(pos, lemma)).copied().unwrap_or(NONE);
        std::iter::from_fn(move || {
            if k == NONE {
                return None;
            }
            let id = self.lemma_synset[k as usize];
            k = self.lemma_next[k as usize];
            Some(id)
        })
    }

    /// Number of synsets.
    pub fn len(&self) -> usize {
        self.synsets.len()
    }

    /// Whether there are no synsets.
    pub fn is_empty(&self) -> bool {
        self.synsets.is_empty()
    }

    /// A synset by id.
    pub fn synset(&self, id: SynsetId) -> Option<Synset<'_>> {
        self.synsets.get(id as usize).map(|s| Synset {
            id,
            pos: s.pos,
            lemmas: self.lemmas_of(s),
        })
    }

    fn in_index(&self, pos: Pos, lemma: &str) -> bool {
        self.index.contains_key(&(pos, lemma))
    }

    /// Base forms of a word in one part of speech (morphy): the word itself if WordNet has it,
    /// the exception list's bases, and each detachment rule's result that WordNet has.
    pub fn base_forms(&self, word: &str, pos: Pos) -> Vec<String> {
        let word = normalize_word(word);
        let mut out: Vec<String> = Vec::new();
        let push = |s: &str, out: &mut Vec<String>| {
            if !out.iter().any(|o| o == s) {
                out.push(s.to_string());
            }
        };
        if word.is_empty() {
            return out;
        }
        if self.in_index(pos, &word) {
            push(&word, &mut out);
        }
        if let Some(bases) = self.exceptions.get(&(pos, word.as_ref())) {
            for b in bases {
                push(b, &mut out);
            }
        }
        for (suffix, ending) in pos.rules() {
            if let Some(stem) = word.strip_suffix(suffix) {
                if stem.is_empty() {
                    continue;
                }
                let candidate = format!("{stem}{ending}");
                if self.in_index(pos, &candidate) {
                    push(&candidate, &mut out);
                }
            }
        }
        out
    }

    /// Every synset of a word over all parts of speech, through its base forms.
    pub fn synsets_of(&self, word: &str) -> Vec<SynsetId> {
        let mut out = Vec::new();
        for pos in Pos::ALL {
            for base in self.base_forms(word, pos) {
                for id in self.lemma_synsets(pos, &base) {
                    if !out.contains(&id) {
                        out.push(id);
                    }
                }
            }
        }
        out
    }

    fn same_word(&self, a: &str, b: &str) -> bool {
        let (na, nb) = (normalize_word(a), normalize_word(b));
        if na == nb {
            return true;
        }
        Pos::ALL.iter().any(|&pos| {
            let ba = self.base_forms(&na, pos);
            self.base_forms(&nb, pos).iter().any(|x| ba.contains(x))
        })
    }

    /// A synset that has both words (through their base forms) as lemmas; `None` for two forms
    /// of one word ("run"/"running"), which is not synonymy.
    pub fn shared_synset(&self, a: &str, b: &str) -> Option<Synset<'_>> {
        if self.same_word(a, b) {
            return None;
        }
        let sb: HashSet<SynsetId> = self.synsets_of(b).into_iter().collect();
        self.synsets_of(a)
            .into_iter()
            .find(|id| sb.contains(id))
            .and_then(|id| self.synset(id))
    }

    /// Whether two different words share a synset.
    pub fn synonyms(&self, a: &str, b: &str) -> bool {
        self.shared_synset(a, b).is_some()
    }

    /// The strongest WordNet relation between two different words, if any.
    pub fn relation(&self, a: &str, b: &str) -> Option<Relation> {
        if self.same_word(a, b) {
            return None;
        }
        let sa = self.synsets_of(a);
        let sb = self.synsets_of(b);
        if sa.is_empty() || sb.is_empty() {
            return None;
        }
        let set_b: HashSet<SynsetId> = sb.iter().copied().collect();
        if let Some(&id) = sa.iter().find(|id| set_b.contains(id)) {
            return Some(Relation {
                kind: RelationKind::Synonym,
                a: id,
                b: id,
                via: None,
            });
        }
        // Similar-to: one step (satellite to head) or two (satellites of one head).
        for &x in &sa {
            for &y in &sb {
                let (dx, dy) = (self.similar(x), self.similar(y));
                if dx.contains(&y) || dy.contains(&x) || dx.iter().any(|h| dy.contains(h)) {
                    return Some(Relation {
                        kind: RelationKind::Similar,
                        a: x,
                        b: y,
                        via: None,
                    });
                }
            }
        }
        for &x in &sa {
            for &y in &sb {
                if self.hypernyms(x).contains(&y) || self.hypernyms(y).contains(&x) {
                    return Some(Relation {
                        kind: RelationKind::Hypernym,
                        a: x,
                        b: y,
                        via: None,
                    });
                }
            }
        }
        for &x in &sa {
            for &y in &sb {
                if let Some(&h) = self
                    .hypernyms(x)
                    .iter()
                    .find(|h| self.hypernyms(y).contains(h))
                {
                    return Some(Relation {
                        kind: RelationKind::CoHyponym,
                        a: x,
                        b: y,
                        via: Some(h),
                    });
                }
            }
        }
        None
    }
}

/// Whether two different words share a WordNet synset (built-in data).
pub fn synonyms(a: &str, b: &str) -> bool {
    WordNet::builtin().synonyms(a, b)
}

/// A WordNet synset shared by two different words (built-in data).
pub fn shared_synset<'a>(a: &str, b: &str) -> Option<Synset<'a>> {
    WordNet::builtin().shared_synset(a, b)
}

/// The strongest WordNet relation between two different words (built-in data).
pub fn relation(a: &str, b: &str) -> Option<Relation> {
    WordNet::builtin().relation(a, b)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn wn() -> &'static WordNet {
        WordNet::builtin()
    }

    fn kind(a: &str, b: &str) -> Option<RelationKind> {
        relation(a, b).map(|r| r.kind)
    }

    #[test]
    fn mostly_noun_counts_noun_senses_as_parsed_wordnet_does() {
        let wn = WordNet::builtin();
        let parsed = |w: &str| {
            let ids = wn.synsets_of(w);
            let nouns = ids
                .iter()
                .filter(|&&id| wn.synset(id).is_some_and(|s| s.pos == Pos::Noun))
                .count();
            nouns > 0 && 2 * nouns >= ids.len()
        };
        for w in ["photo", "image", "decades", "critics", "obligation"] {
            assert!(mostly_noun(w) && parsed(w), "{w}");
        }
        for w in [
            "tell",
            "know",
            "done",
            "whether",
            "sorry",
            "repeatedly",
            "xyzzy",
        ] {
            assert!(!mostly_noun(w) && !parsed(w), "{w}");
        }
        for w in [
            "stand", "move", "mouth", "matter", "place", "point", "running", "went",
        ] {
            assert_eq!(mostly_noun(w), parsed(w), "{w}");
        }
    }

    #[test]
    fn morphy_finds_base_forms() {
        assert_eq!(wn().base_forms("conferences", Pos::Noun), ["conference"]);
        assert_eq!(wn().base_forms("churches", Pos::Noun), ["church"]);
        assert_eq!(wn().base_forms("women", Pos::Noun), ["woman"]);
        assert!(
            wn().base_forms("scorned", Pos::Verb)
                .contains(&"scorn".into())
        );
        assert!(
            wn().base_forms("invading", Pos::Verb)
                .contains(&"invade".into())
        );
        // Exception lists: irregular forms.
        assert!(wn().base_forms("went", Pos::Verb).contains(&"go".into()));
        assert!(wn().base_forms("mice", Pos::Noun).contains(&"mouse".into()));
        assert!(
            wn().base_forms("worse", Pos::Adjective)
                .contains(&"bad".into())
        );
        assert!(wn().base_forms("qwzx", Pos::Noun).is_empty());
        assert!(wn().base_forms("", Pos::Noun).is_empty());
    }

    fn knows_as(word: &str, pos: Pos) -> bool {
        parts_of_speech(word) & 1 << pos as u8 != 0
    }

    #[test]
    fn parts_of_speech_through_base_forms() {
        let parts =
            |w: &str| -> Vec<Pos> { Pos::ALL.into_iter().filter(|&p| knows_as(w, p)).collect() };
        assert_eq!(parts("elapse"), [Pos::Verb]);
        assert_eq!(parts("went"), [Pos::Verb]);
        assert_eq!(parts("quickly"), [Pos::Adverb]);
        assert_eq!(parts("fancy"), [Pos::Noun, Pos::Verb, Pos::Adjective]);
        assert!(parts("walks").contains(&Pos::Noun));
        assert!(parts("Walks").contains(&Pos::Verb));
        assert!(parts("qwzx").is_empty());
        assert!(parts("").is_empty());
    }

    #[test]
    fn compiled_synsets_and_ties_agree_with_the_parsed_data() {
        // every 40th lemma (and a plural and past form of it), and some irregular forms
        let mut words: Vec<String> = BUILTIN_SYNSETS
            .lines()
            .step_by(40)
            .filter_map(|l| l.split('\t').nth(1)?.split_whitespace().next())
            .flat_map(|w| [w.to_string(), format!("{w}s"), format!("{w}ed")])
            .collect();
        words.extend(
            [
                "went",
                "mice",
                "worse",
                "Pointless",
                "worthless",
                "meaningless",
                "",
            ]
            .map(String::from),
        );
        for w in &words {
            let mut a = synsets_of_word(w);
            let mut b = wn().synsets_of(w);
            a.sort_unstable();
            b.sort_unstable();
            assert_eq!(a, b, "{w:?}");
        }
        // ties between words of one synset, of similar synsets, and of none
        let mut pairs: Vec<(String, String)> = Vec::new();
        for line in BUILTIN_SYNSETS.lines().step_by(97) {
            let mut cols = line.split('\t');
            let lemmas: Vec<&str> = cols.nth(1).unwrap_or("").split_whitespace().collect();
            if let [x, y, ..] = lemmas[..] {
                pairs.push((x.into(), y.into()));
            }
        }
        let sample: Vec<&String> = words.iter().step_by(7).take(120).collect();
        for (i, x) in sample.iter().enumerate() {
            for y in &sample[i + 1..] {
                pairs.push(((*x).clone(), (*y).clone()));
            }
        }
        pairs.push(("pointless".into(), "worthless".into()));
        pairs.push(("conference".into(), "summit".into()));
        let mut ties = 0;
        for (x, y) in &pairs {
            let want = relation(x, y)
                .map(|r| r.kind)
                .filter(|k| matches!(k, RelationKind::Synonym | RelationKind::Similar));
            let got = meaning_tie(x, &synsets_of_word(x), y, &synsets_of_word(y));
            assert_eq!(got, want, "{x} {y}");
            ties += usize::from(got.is_some());
        }
        assert!(ties > 100, "{ties} ties in {} pairs", pairs.len());
        let p = synsets_of_word("pointless");
        assert_eq!(
            meaning_tie("pointless", &p, "worthless", &synsets_of_word("worthless")),
            Some(RelationKind::Similar)
        );
        // a shared meaning key is a tie (unless the words are forms of one word)
        for (x, y) in pairs.iter().take(400) {
            let (sx, sy) = (synsets_of_word(x), synsets_of_word(y));
            let (kx, ky) = (meaning_keys(&sx), meaning_keys(&sy));
            let meet = kx.iter().any(|k| ky.binary_search(k).is_ok());
            let tie = meaning_tie(x, &sx, y, &sy);
            assert!(
                !meet || tie.is_some() || compiled_same_word(x, y),
                "{x} {y}"
            );
        }
        // numbers are alike only through the broad head "cardinal": no shared key
        let meet = |x: &str, y: &str| {
            let (kx, ky) = (
                meaning_keys(&synsets_of_word(x)),
                meaning_keys(&synsets_of_word(y)),
            );
            kx.iter().any(|k| ky.binary_search(k).is_ok())
        };
        assert!(
            meaning_tie(
                "five",
                &synsets_of_word("five"),
                "million",
                &synsets_of_word("million")
            )
            .is_some()
        );
        assert!(!meet("five", "million"));
        // synonyms and similar adjectives still meet
        assert!(meet("attorney", "lawyer"));
        assert!(meet("pointless", "worthless"));
        // two forms of one word are no tie
        assert_eq!(
            meaning_tie(
                "summit",
                &synsets_of_word("summit"),
                "summits",
                &synsets_of_word("summits")
            ),
            None
        );
    }

    #[test]
    fn the_compiled_parts_of_speech_agree_with_morphy() {
        // every lemma and irregular form, and regular inflections of every third lemma
        let mut words: Vec<String> = Vec::new();
        for line in BUILTIN_SYNSETS.lines() {
            words.extend(
                line.split('\t')
                    .nth(1)
                    .unwrap_or("")
                    .split_whitespace()
                    .map(String::from),
            );
        }
        for line in BUILTIN_EXCEPTIONS.lines() {
            words.extend(line.split('\t').nth(1).map(String::from));
        }
        let inflected: Vec<String> = words
            .iter()
            .step_by(3)
            .flat_map(|w| ["s", "es", "ed", "ing", "er", "est", "men"].map(|e| format!("{w}{e}")))
            .collect();
        words.extend(inflected);
        for w in &words {
            for pos in Pos::ALL {
                assert_eq!(
                    knows_as(w, pos),
                    !wn().base_forms(w, pos).is_empty(),
                    "{w} {pos:?}"
                );
            }
        }
    }

    #[test]
    fn irregular_verb_forms_come_from_the_exception_list() {
        assert!(irregular_verb_form("stood"));
        assert!(irregular_verb_form("went"));
        assert!(!irregular_verb_form("policy"));
        assert!(
            !irregular_verb_form("walked"),
            "regular forms are not listed"
        );
    }

    #[test]
    fn synonyms_are_what_wordnet_says() {
        // Facts checked in WordNet 3.0: {otiose, pointless, purposeless, senseless, superfluous,
        // wasted}, {meaningless, nonmeaningful}, {acme, peak, pinnacle, summit, ...}.
        assert!(synonyms("pointless", "senseless"));
        assert!(synonyms("Pointless", "purposeless"));
        assert!(synonyms("meaningless", "nonmeaningful"));
        assert!(synonyms("summit", "pinnacle"));
        assert!(synonyms("summits", "peaks"), "through plural base forms");
        let s = shared_synset("pointless", "senseless").expect("shared synset");
        assert_eq!(s.pos, Pos::Adjective);
        assert!(s.lemmas.contains(&"superfluous"));
        // WordNet does not put these in one synset.
        assert!(!synonyms("pointless", "meaningless"));
        assert!(!synonyms("summit", "conference"));
        assert!(!synonyms("troops", "conference"));
        assert!(!synonyms("city", "pointless"));
        // Two forms of one word are not synonyms; unknown words relate to nothing.
        assert!(!synonyms("conference", "conferences"));
        assert!(!synonyms("qwzx", "qwzx"));
        assert_eq!(relation("", "summit"), None);
    }

    #[test]
    fn relations_beyond_synonymy() {
        // pointless (satellite) is similar-to the head adjective worthless.
        assert_eq!(kind("pointless", "worthless"), Some(RelationKind::Similar));
        // summit meeting and conference are both direct hyponyms of meeting.
        let r = relation("summit", "conference").expect("related");
        assert_eq!(r.kind, RelationKind::CoHyponym);
        let via = wn().synset(r.via.expect("hypernym")).expect("synset");
        assert!(via.lemmas.contains(&"meeting"), "{via:?}");
        assert_eq!(kind("conference", "meeting"), Some(RelationKind::Hypernym));
        assert_eq!(kind("pointless", "senseless"), Some(RelationKind::Synonym));
        assert_eq!(kind("banana", "parliament"), None);
    }

    #[test]
    fn malformed_data_is_skipped() {
        let w = WordNet::parse(
            "n\tcat feline\t@9\nx\tbad\t\nn\tdog\t@0 &zz\n",
            "n\tcats\tcat\nbad\n",
        );
        assert_eq!(w.len(), 3);
        assert!(w.synonyms("cats", "feline"));
        assert_eq!(
            w.relation("dog", "cat").map(|r| r.kind),
            Some(RelationKind::Hypernym)
        );
        assert_eq!(w.relation("bad", "cat"), None);
        // A pointer past the end is ignored rather than followed.
        assert_eq!(
            w.relation("cat", "dog").map(|r| r.kind),
            Some(RelationKind::Hypernym)
        );
    }
}
