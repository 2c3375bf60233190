//! Entities: how each article names the same actors and things. Every mention of a person,
//! group, place or thing is found in each article — proper names (runs of capitalised words, a
//! middle initial included; a word that opens a sentence and is written in lower case elsewhere
//! is not taken for a name; in a headline written in title case, the name is the longest part
//! of the run the articles' other sentences write as a name), short forms ("Vance" after "Nora
//! Vance", "Mr. Smith"), descriptions that refer back ("the actress", "the Venezian leader", "the
//! company", "the vessel"), nouns of a known kind standing alone ("police said", "a woman",
//! "computers"), scores and sums ("31-24", "$334 million"), the pronouns he and she for people,
//! "it" for things, "its" and "they" for groups, and relative pronouns ("X, who", "the car,
//! which", "the town where") — and the mentions are clustered within the article, then across
//! the articles of one story. A mention's span leaves out a possessive ending ("Ann Lee's"
//! names "Ann Lee"); a person noun the articles write in lower case is a title where it stands
//! capitalised before a name of two words or more ("Coach Ann Lee"), also inside a longer run
//! ("Comets Head Coach Ann Lee": the Comets, then Ann Lee). A name right after "the" is no
//! person's ("the Comets"); nor is a plural of persons ("Kenyan Americans"); a given name
//! opening two words makes one ("Jo Porter").
//!
//! Within an article: a full name joins an earlier entity with the same name (a middle initial
//! aside); a surname or a title form joins the latest person with that last name; a description
//! (`the` + up to five modifiers, hyphenated ones too, + a head noun of a known kind; it ends
//! before a lower-case word that is no noun after the head, an irregular past form or an "-s"
//! form with an object after it: "the agency put", "the software finds it") joins, for a
//! person, the person given that role before ("President X" … "the president") or named with
//! one of its modifiers ("Venezian President X" … "the Venezian leader"), else the entity the
//! same description stood for, else the person named last in its sentence or the one before (not
//! inside a quotation; not one given other roles, for a role word: "the actress" is not the
//! spokesman); for a group with no modifier, the same description or the group named last (not
//! one named by a single common word: "the Observers" are not "the group"); for a place
//! or thing, the same description used before; a description set off by commas right after a
//! name is that name (an appositive); else it stands for itself. Capitalised modifiers
//! belong to the description's key: "the Varga administration" is not "the Holm
//! administration", and a later "the administration" is the one met last. A pronoun joins the
//! person named last, in its sentence or the one before (if the text shows that person is of
//! the other sex, by a given name of the 1990 US Census lists, Mr./Ms. or an earlier pronoun,
//! the person of the pronoun's sex met last there); "it" the latest thing (not a day or
//! month; not "it is", "it was"); "that" a description right before it (no comma). Across the
//! articles of a story: the same full name joins; full names of one surname whose first names
//! share their initial join ("Alexandra Okafor" / "Alex Okafor"); a lone surname joins the one full
//! name of the story that ends with it, or of several, the one the story names three times more
//! often than the others (else it stays apart); the same lone name, the same description or the
//! same figure joins; "today", "yesterday" and "tomorrow" in a dated article join the weekday
//! they name; a shorter name that starts or ends one longer name, or is its initials, joins it
//! (of several, the one named three times more often; a place never by the words after "South",
//! "New" and the like; never the first words of a name that ends in a thing: "Varnia Peace
//! Talks" is no name of Varnia); an entity known only by a description joins the named entity
//! of the story that articles describe with that head noun (of several, the one so described three
//! times more often), else (a thing, group or place described with `the`) the one name of the
//! story ending in its head noun ("the church" / "Vale Bible Church"). Across stories, only one
//! proper name joins: two or more words, or one word naming a group or place (a one-word person
//! name may mean two people); the joined entity takes the kind most of its mentions give. A thing described only once ("the problem") is left out.
//!
//! Head nouns and their kinds come from `assets/entities/nouns.txt`, generated from WordNet 3.0
//! by `tools/build_entity_nouns.py` (person, group, place; any other noun that is never an
//! adjective or adverb is a thing), with the role words of `person_roles.txt` and the group
//! nouns of `group_speakers.txt`. The table is searched in place (binary search over its sorted
//! lines; nothing is built at start-up). The pass reads the tokens the analyzer already made,
//! once.

use crate::align::{Story, Topic};
use crate::frame::lexicon::Lexicons;
use crate::model::{Article, ArticleId};
use crate::text::analyzer::ArticleTokens;
use crate::text::tokens::{Token, is_stopword};
use rustc_hash::{FxHashMap, FxHashSet};
use serde::{Deserialize, Serialize};

/// What an entity is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EntityKind {
    Person,
    /// A group or an organisation ("the police", "Vale Systems").
    Group,
    Place,
    Other,
}

impl EntityKind {
    /// Whether the kind names an actor (shown in the card's naming row).
    pub fn is_actor(self) -> bool {
        self != EntityKind::Other
    }
}

/// How a mention names its entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MentionForm {
    /// A proper name as written ("Nora Vance", "Vale Systems").
    Name,
    /// A surname or title form of a name given before ("Vance", "Mr. Smith").
    Short,
    /// A description referring back ("the actress", "the Russian leader", "the vessel"), a noun
    /// standing alone ("police"), or a score or sum ("31-24").
    Description,
    /// A pronoun: personal (he, she, it, they and their forms) or relative (who, which, that,
    /// where).
    Pronoun,
}

/// One mention of an entity: where it is and how it is written.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EntityMention {
    pub article: ArticleId,
    pub sentence: usize,
    /// Byte range within the sentence text.
    pub start: usize,
    pub end: usize,
    /// The words as written.
    pub text: String,
    pub form: MentionForm,
}

/// A person, group, place or thing with its mentions across the articles of one story.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    pub id: usize,
    /// The fullest name the articles give (or the description when none names it).
    pub name: String,
    pub kind: EntityKind,
    /// Mentions in article, sentence and position order.
    pub mentions: Vec<EntityMention>,
}

impl Entity {
    /// The distinct ways `article` names this entity in the sentences `keep` accepts (names,
    /// short forms and descriptions, not pronouns), in order of first use, each with its first
    /// mention.
    pub fn namings(
        &self,
        article: ArticleId,
        keep: impl Fn(usize) -> bool,
    ) -> Vec<(&str, &EntityMention)> {
        let mut out: Vec<(&str, &EntityMention)> = Vec::new();
        let mut seen: FxHashSet<String> = FxHashSet::default();
        for m in self
            .mentions
            .iter()
            .filter(|m| m.article == article && keep(m.sentence))
        {
            if m.form == MentionForm::Pronoun {
                continue;
            }
            let text = trim_possessive(&m.text);
            if seen.insert(text.to_lowercase()) {
                out.push((text, m));
            }
        }
        out
    }
}

fn trim_possessive(text: &str) -> &str {
    text.strip_suffix("'s")
        .or_else(|| text.strip_suffix("’s"))
        .or_else(|| text.strip_suffix('\''))
        .unwrap_or(text)
}

/// A table compiled in from assets/entities: `#` header lines, then one `key | value` a line,
/// sorted by key. Searched by binary search over where its lines' keys start and end, a list
/// build.rs writes (`write_line_starts`) and the binary reads in place: nothing is built at
/// start, and no key is copied or hashed.
struct SortedTable {
    text: &'static str,
    /// (where each entry line starts, where its key ends), as little-endian u32.
    lines: &'static [u8],
}

impl SortedTable {
    const fn new(text: &'static str, lines: &'static [u8]) -> Self {
        SortedTable { text, lines }
    }

    /// Where the key of line `k` starts and ends.
    fn key_span(&self, k: usize) -> Option<(usize, usize)> {
        let b = self.lines.get(8 * k..8 * k + 8)?;
        Some((
            u32::from_le_bytes([b[0], b[1], b[2], b[3]]) as usize,
            u32::from_le_bytes([b[4], b[5], b[6], b[7]]) as usize,
        ))
    }

    /// The value of `key`, trimmed.
    fn get(&self, key: &str) -> Option<&'static [u8]> {
        let text: &'static [u8] = self.text.as_bytes();
        let key = key.as_bytes();
        let k = crate::text::vocab_table::find_sorted(self.lines.len() / 8, |k| {
            let (start, end) = self.key_span(k)?;
            Some(text.get(start..end)?.cmp(key))
        })?;
        let (_, end) = self.key_span(k)?;
        let rest = text.get(end..).unwrap_or_default();
        let value = &rest[..rest.iter().position(|&b| b == b'\n').unwrap_or(rest.len())];
        Some(value.get(2..).unwrap_or_default().trim_ascii())
    }
}

/// The noun table: nouns that name a person, a group, a place or a thing (WordNet; see the
/// file's header).
static NOUNS: SortedTable = SortedTable::new(
    include_str!("../../assets/entities/nouns.txt"),
    include_bytes!(concat!(env!("OUT_DIR"), "/nouns.lines")),
);

/// Given names and the sex they are most often given to (the 1990 US Census lists; see the
/// file's header).
static FIRST_NAMES: SortedTable = SortedTable::new(
    include_str!("../../assets/entities/first_names.txt"),
    include_bytes!(concat!(env!("OUT_DIR"), "/first_names.lines")),
);

/// The kind of a head noun in the noun table.
fn table_kind(word: &str) -> Option<EntityKind> {
    // the same few thousand words are looked up again and again: each thread keeps the answers
    // it found (they only depend on the table compiled in)
    thread_local! {
        static KNOWN: crate::text::memo::WordMemo<Option<EntityKind>> =
            std::cell::RefCell::default();
    }
    crate::text::memo::remembered(&KNOWN, word, || match NOUNS.get(word) {
        Some(b"person") => Some(EntityKind::Person),
        Some(b"group") => Some(EntityKind::Group),
        Some(b"place") => Some(EntityKind::Place),
        Some(b"thing") => Some(EntityKind::Other),
        _ => None,
    })
}

/// Whether a lower-case word is a given name of the census lists (one given mostly to one sex).
pub(crate) fn is_given_name(word: &str) -> bool {
    name_female(word).is_some()
}

/// The sex a lower-case given name is most often given to: `Some(true)` for a woman's name,
/// `Some(false)` for a man's, none for a name common to both or unknown.
fn name_female(word: &str) -> Option<bool> {
    match FIRST_NAMES.get(word)? {
        b"f" => Some(true),
        b"m" => Some(false),
        _ => None,
    }
}

/// Whether WordNet alone (assets/entities/nouns.txt, without the user's role lexicons) knows a
/// lower-case common noun as a person or a group: "lawmaker", "committee", not "vessel".
pub fn is_actor_noun(word: &str) -> bool {
    table_kind(word).is_some_and(|k| matches!(k, EntityKind::Person | EntityKind::Group))
}

/// Days and months: capitalised, but times, not actors.
pub(crate) const CALENDAR: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Words that name a time relative to the report: clustered by the word, like days.
pub(crate) const DEICTIC_TIMES: &[&str] = &["today", "yesterday", "tomorrow", "tonight"];

/// Words that open a place name and make it another place than the rest of the name
/// ("South Varnia", "New Dunmore", "Upper Vale"): the rest alone is not a short form of it.
const PLACE_QUALIFIERS: &[&str] = &[
    "north", "south", "east", "west", "northern", "southern", "eastern", "western", "new", "upper",
    "lower", "central", "greater",
];

/// Forms of "be" and its like after which "it" is mostly no thing.
const COPULAS: &[&str] = &[
    "is", "was", "'s", "seems", "seemed", "appears", "appeared", "remains",
];

/// Prepositions of place: a name right after one is a place ("in Geneva").
const LOCATIVES: &[&str] = &[
    "in",
    "near",
    "across",
    "throughout",
    "outside",
    "inside",
    "into",
];

/// The kind a head noun names (its plural too: plural persons are a group), if known.
fn noun_kind(word: &str, lex: &Lexicons) -> Option<EntityKind> {
    let single = |w: &str| -> Option<EntityKind> {
        // role words, but not the honorifics that only stand before a name ("mr", "dr")
        if lex
            .person_roles
            .get(w)
            .is_some_and(|r| r != w || w.len() > 3)
        {
            return Some(EntityKind::Person);
        }
        if lex.group_speakers.contains(w) {
            return Some(EntityKind::Group);
        }
        table_kind(w)
    };
    if let Some(k) = single(word) {
        return Some(k);
    }
    singulars(word).find_map(|s| {
        single(&s).map(|k| match k {
            EntityKind::Person => EntityKind::Group,
            k => k,
        })
    })
}

/// Whether WordNet's noun table (assets/entities/nouns.txt) lists a word or, for a plural, its
/// singular ("regions", "deliveries"). The table leaves out thing nouns that are adjectives or
/// adverbs too, so a word it lacks may still be a noun.
pub(crate) fn is_table_noun(word: &str) -> bool {
    table_kind(word).is_some() || singulars(word).any(|s| table_kind(&s).is_some())
}

/// The forms a plural may have in the singular ("parties" → "party", "churches" → "church",
/// "regions" → "region"), for a look-up that tries each.
fn singulars(word: &str) -> impl Iterator<Item = String> {
    [
        word.strip_suffix("ies").map(|s| format!("{s}y")),
        word.strip_suffix("es").map(str::to_string),
        word.strip_suffix('s').map(str::to_string),
    ]
    .into_iter()
    .flatten()
}

/// The role a role word names ("sen" → "senator").
fn role_of<'a>(lex: &'a Lexicons, word: &'a str) -> Option<&'a str> {
    lex.person_roles
        .get(word)
        .map(|r| if r.is_empty() { word } else { r.as_str() })
}

/// An entity of one article while it is being read.
#[derive(Debug, Clone)]
struct Local {
    /// The fullest name seen (empty for an entity only described).
    name: String,
    /// Lower-case last word of the name.
    last: String,
    /// Lower-case head noun of a description standing for itself.
    head: String,
    /// Head nouns of the descriptions that refer to it ("woman" for "the woman").
    heads: Vec<String>,
    kind: EntityKind,
    roles: Vec<String>,
    mentions: Vec<EntityMention>,
    /// Sentence and token of the latest mention (for "latest" look-ups).
    seen: (usize, usize),
    /// A person's sex as the text shows it (a given name, "Mr."/"Ms."): `Some(true)` for a
    /// woman, for he/she agreement.
    female: Option<bool>,
}

impl Local {
    fn full(&self) -> bool {
        self.name.contains(' ')
    }
}

/// A description met in an article: its mention, its head noun (the entity's key when it is
/// new), the kind of entity it names, where it stands (sentence, token) and whether it is
/// inside a quotation.
struct Description {
    mention: EntityMention,
    head: String,
    kind: EntityKind,
    at: (usize, usize),
    quoted: bool,
}

/// Records description `d` as a mention of entity `found`, else of a new entity known only by
/// its head noun (and indexed under it); a person so described outside a quotation is the one
/// a following "he" or "she" stands for.
fn describe(
    ents: &mut Vec<Local>,
    by_head: &mut FxHashMap<String, usize>,
    last_person: &mut Option<(usize, usize)>,
    found: Option<usize>,
    d: Description,
) -> usize {
    let e = found.unwrap_or_else(|| {
        ents.push(Local {
            name: String::new(),
            last: String::new(),
            head: d.head.clone(),
            heads: Vec::new(),
            kind: d.kind,
            roles: Vec::new(),
            mentions: Vec::new(),
            seen: d.at,
            female: None,
        });
        ents.len() - 1
    });
    // the same description again is the entity it was last used for
    by_head.insert(d.head.clone(), e);
    ents[e].mentions.push(d.mention);
    ents[e].seen = d.at;
    if !ents[e].heads.contains(&d.head) {
        ents[e].heads.push(d.head);
    }
    if ents[e].kind == EntityKind::Person && !d.quoted {
        *last_person = Some((e, d.at.0));
    }
    e
}

/// How many times more mentions the most-named of several people with one surname needs in a
/// story before a lone surname is read as them.
const SURNAME_DOMINANCE: usize = 3;

/// Of several candidates, given as (how often the story names or describes it, candidate), the
/// one counted [`SURNAME_DOMINANCE`] times more often than any other, or the only one; on equal
/// counts the higher candidate ranks first.
fn dominant(counts: impl IntoIterator<Item = (usize, usize)>) -> Option<usize> {
    let mut ranked: Vec<(usize, usize)> = counts.into_iter().collect();
    ranked.sort_unstable_by(|a, b| b.cmp(a));
    match ranked[..] {
        [(_, r)] => Some(r),
        [(a, r), (b, _), ..] if a >= SURNAME_DOMINANCE * b.max(1) => Some(r),
        _ => None,
    }
}

/// Words written in lower case somewhere in the articles: a capitalised one opening a sentence
/// is a common word, not a name.
fn lower_case_words<'a>(
    tokens: &'a [ArticleTokens],
    articles: &'a [Article],
) -> FxHashSet<&'a str> {
    let mut out = FxHashSet::default();
    for (a, t) in articles.iter().zip(tokens) {
        for (s, sentence) in a.sentences.iter().zip(&t.sentences) {
            for tok in sentence {
                if !tok.capitalized
                    && s.text
                        .get(tok.start..tok.end)
                        .is_some_and(|w| w.chars().any(char::is_lowercase))
                {
                    out.insert(tok.lower.as_str());
                }
            }
        }
    }
    out
}

/// The weekday a "today", "tonight", "yesterday" or "tomorrow" names in a dated article
/// ("yesterday" in an article of Wednesday 2008-12-10 is "tuesday"), so that it joins the day
/// other articles name.
fn deictic_day(e: &Local, articles: &[Article]) -> Option<&'static str> {
    // from the weekday of day 0 of `day_number`'s count on
    const DAYS: [&str; 7] = [
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "monday",
    ];
    let offset: i64 = match e.head.as_str() {
        "today" | "tonight" => 0,
        "yesterday" => -1,
        "tomorrow" => 1,
        _ => return None,
    };
    let article = articles.get(e.mentions.first()?.article.index())?;
    let n = crate::align::day_number(article.date.as_deref()?)? + offset;
    Some(DAYS[n.rem_euclid(7) as usize])
}

/// Whether a sentence is written in title case, as headlines are: no content word in lower
/// case and at least three capitalised ones ("Actress Checks Into Clinic").
fn is_title_case(toks: &[Token]) -> bool {
    let mut capitals = 0;
    for t in toks {
        if !t.lower.chars().next().is_some_and(char::is_alphabetic) || is_stopword(&t.lower) {
            continue;
        }
        if !t.capitalized {
            return false;
        }
        capitals += 1;
    }
    capitals >= 3
}

/// Where the run of name words joined by spaces that starts at token `k` ends (`k` itself when
/// the token is no name word).
fn capital_run_end(text: &str, toks: &[Token], k: usize) -> usize {
    let mut end = k;
    while end < toks.len()
        && is_name_word(text, &toks[end])
        && (end == k || joined(text, &toks[end - 1], &toks[end]))
    {
        end += 1;
    }
    end
}

/// The longest part of a run of capitalised words [`body_names`] keeps, in words.
const NAME_PART_WORDS: usize = 6;

/// A headline's run of capitalised words is searched for known names this many words at a
/// time (no headline is longer).
const HEADLINE_WINDOW: usize = 32;

/// Every run of capitalised words, and every part of one, that the articles write in
/// sentences not in title case (lower case, joined by spaces): the names a headline's
/// capitals are checked against.
fn body_names(tokens: &[ArticleTokens], articles: &[Article]) -> FxHashSet<String> {
    let mut out = FxHashSet::default();
    for (a, t) in articles.iter().zip(tokens) {
        for (s, toks) in a.sentences.iter().zip(&t.sentences) {
            if is_title_case(toks) {
                continue;
            }
            let text = s.text.as_str();
            let mut k = 0;
            while k < toks.len() {
                let j = capital_run_end(text, toks, k);
                // parts of runs of up to six words
                for p in k..j {
                    for q in p + 1..=j.min(p + NAME_PART_WORDS) {
                        let words: Vec<&str> =
                            toks[p..q].iter().map(|t| t.lower.as_str()).collect();
                        out.insert(words.join(" "));
                    }
                }
                k = j.max(k + 1);
            }
        }
    }
    out
}

/// Whether the text between two tokens is only spaces (the words belong to one name).
fn joined(text: &str, a: &Token, b: &Token) -> bool {
    text.get(a.end..b.start)
        .is_some_and(|gap| !gap.is_empty() && gap.chars().all(char::is_whitespace))
}

/// Whether two tokens belong to one noun phrase's words: only spaces or a hyphen between them
/// ("the 33-year-old singer").
fn in_phrase(text: &str, a: &Token, b: &Token) -> bool {
    text.get(a.end..b.start)
        .is_some_and(|gap| !gap.is_empty() && (gap == "-" || gap.chars().all(char::is_whitespace)))
}

/// Whether a token can be part of a name: capitalised, not a function word.
fn is_name_word(text: &str, t: &Token) -> bool {
    t.capitalized
        && text
            .get(t.start..t.end)
            .is_some_and(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 2)
        && !matches!(t.lower.as_str(), "i" | "i'm" | "i've" | "i'd" | "i'll")
}

/// Whether a run of capitalised words starts with "New" before another name word: the English
/// place-name pattern ("New Dunmore", "New Delhi", "New South Wales"), where the stop word
/// "new" is part of the name.
fn opens_place_name(run: &[Token]) -> bool {
    run.len() >= 2 && run[0].lower == "new"
}

/// The key of a name's lower-case words: the words without middle initials.
fn name_key(words: &[&str]) -> String {
    let n = words.len();
    let kept: Vec<&str> = words
        .iter()
        .enumerate()
        .filter(|&(i, w)| i == 0 || i + 1 == n || w.chars().count() > 1)
        .map(|(_, w)| *w)
        .collect();
    kept.join(" ")
}

/// Words that scale a sum ("$334 million").
const SCALES: &[&str] = &["million", "billion", "trillion"];

/// A score or a sum starting at token `k`: "31-24", "$334 million", "$5" (the end token and the
/// start byte, which takes in a currency sign). A bare number is not one.
fn figure(text: &str, toks: &[Token], k: usize) -> Option<(usize, usize)> {
    let number = |t: &Token| {
        t.lower.starts_with(|c: char| c.is_ascii_digit())
            && t.lower
                .chars()
                .all(|c| c.is_ascii_digit() || c == ',' || c == '.')
    };
    let t = toks.get(k)?;
    // a score written as one token
    let score = |t: &Token| {
        let b = t.lower.as_bytes();
        b.first().is_some_and(u8::is_ascii_digit)
            && b.last().is_some_and(u8::is_ascii_digit)
            && b.contains(&b'-')
            && b.iter().all(|&c| c.is_ascii_digit() || c == b'-')
    };
    if score(t) {
        return Some((k + 1, t.start));
    }
    if !number(t) {
        return None;
    }
    let currency = text
        .get(..t.start)
        .and_then(|b| b.chars().next_back())
        .is_some_and(|c| matches!(c, '$' | '€' | '£'));
    let start = if currency {
        t.start - text.get(..t.start)?.chars().next_back()?.len_utf8()
    } else {
        t.start
    };
    if let Some(n) = toks.get(k + 1)
        && number(n)
        && text.get(t.end..n.start) == Some("-")
    {
        return Some((k + 2, start));
    }
    if let Some(n) = toks.get(k + 1)
        && SCALES.contains(&n.lower.as_str())
        && joined(text, t, n)
    {
        return Some((k + 2, start));
    }
    currency.then_some((k + 1, start))
}

/// Whether a token is one capital letter (an initial, when a full stop follows).
fn is_initial(text: &str, t: &Token) -> bool {
    text.get(t.start..t.end).is_some_and(|w| {
        let mut c = w.chars();
        c.next().is_some_and(char::is_uppercase) && c.next().is_none()
    })
}

/// Whether byte `at` of a sentence lies inside a quotation opened in that sentence.
fn in_quotation(text: &str, at: usize) -> bool {
    let before = text.get(..at).unwrap_or_default();
    let straight = before.matches('"').count() % 2 == 1;
    let curly = before
        .rfind('“')
        .is_some_and(|o| before.rfind('”').is_none_or(|c| c < o));
    straight || curly
}

fn is_possessive(text: &str, t: &Token) -> bool {
    text.get(t.start..t.end)
        .is_some_and(|w| w.ends_with("'s") || w.ends_with("’s"))
}

const PRONOUNS: &[&str] = &[
    "he", "him", "his", "himself", "she", "her", "hers", "herself",
];

/// Reads one article: its entities with their mentions, in order of first mention.
fn article_entities(
    id: ArticleId,
    article: &Article,
    tokens: &ArticleTokens,
    lex: &Lexicons,
    lower_words: &FxHashSet<&str>,
    body_names: &FxHashSet<String>,
) -> Vec<Local> {
    let mut ents: Vec<Local> = Vec::new();
    // latest entity index by lower-case full name, by last name, and by description head
    let mut by_name: FxHashMap<String, usize> = FxHashMap::default();
    let mut by_last: FxHashMap<String, usize> = FxHashMap::default();
    let mut by_head: FxHashMap<String, usize> = FxHashMap::default();
    let mut last_person: Option<(usize, usize)> = None; // (entity, sentence)
    for (s, sentence) in article.sentences.iter().enumerate() {
        let text = sentence.text.as_str();
        let toks = tokens.sentence(s);
        let title_case = is_title_case(toks);
        let mention = |a: usize, b: usize, form: MentionForm| -> Option<EntityMention> {
            let (start, end) = (toks.get(a)?.start, toks.get(b.checked_sub(1)?)?.end);
            // the possessive ending is no part of the name: "Ann Lee's" names "Ann Lee"
            let end = match trim_possessive(text.get(start..end)?) {
                "" => end,
                kept => start + kept.len(),
            };
            Some(EntityMention {
                article: id,
                sentence: s,
                start,
                end,
                text: text.get(start..end)?.to_string(),
                form,
            })
        };
        let mut k = 0;
        while k < toks.len() {
            let t = &toks[k];
            // a description: "the" + up to five modifiers + a head noun of a known kind
            if t.lower == "the" {
                let mut head: Option<(usize, EntityKind)> = None;
                let mut x = k + 1;
                while x < toks.len() && x <= k + 6 && in_phrase(text, &toks[x - 1], &toks[x]) {
                    let w = &toks[x];
                    if is_stopword(&w.lower) {
                        break;
                    }
                    let lower_case = !w.capitalized;
                    let noun = noun_kind(&w.lower, lex).filter(|_| lower_case);
                    // a lower-case word that is no noun after the head noun, hyphens aside,
                    // is the verb or the next phrase: "the administration loosened rules"
                    let hyphened = x > k + 1 && text.get(toks[x - 1].end..w.start) == Some("-")
                        || toks
                            .get(x + 1)
                            .is_some_and(|n| text.get(w.end..n.start) == Some("-"));
                    if head.is_some() && noun.is_none() && lower_case && !hyphened {
                        break;
                    }
                    // an irregular past form after a modifier is the verb: "the Comets lost",
                    // "the agency put" (WordNet's exception list); so is an "-s" form after a
                    // noun with an object after it: "the software finds it"
                    if x > k + 1
                        && lower_case
                        && (crate::text::wordnet::irregular_verb_form(&w.lower)
                            || head.is_some()
                                && w.lower.ends_with('s')
                                && toks.get(x + 1).is_some_and(|n| {
                                    matches!(
                                        n.lower.as_str(),
                                        "the"
                                            | "a"
                                            | "an"
                                            | "it"
                                            | "its"
                                            | "his"
                                            | "her"
                                            | "their"
                                            | "them"
                                            | "him"
                                            | "us"
                                            | "me"
                                            | "our"
                                    )
                                }))
                    {
                        break;
                    }
                    if let Some(kind) = noun {
                        // the last noun is the head: "the police report" is a report and
                        // "the special military operation" an operation, not police or the
                        // military
                        head = Some((x, kind));
                    }
                    if is_possessive(text, w) {
                        break;
                    }
                    x += 1;
                }
                if let Some((h, kind)) = head {
                    // "the actress Ines Cole": a role written before a name, not a description
                    let before_name = toks
                        .get(h + 1)
                        .is_some_and(|n| joined(text, &toks[h], n) && is_name_word(text, n));
                    let head_word = toks[h].lower.clone();
                    if !before_name {
                        if let Some(m) = mention(k, h + 1, MentionForm::Description) {
                            let role = role_of(lex, &head_word).unwrap_or(&head_word).to_string();
                            let modifiers = &toks[k + 1..h];
                            // a person whose name was written with one of the description's
                            // modifiers ("Venezian President X" … "the Venezian leader")
                            let modified = |e: &Local| {
                                modifiers.iter().any(|w| {
                                    !is_stopword(&w.lower)
                                        && e.mentions.iter().any(|m| {
                                            m.form != MentionForm::Pronoun
                                                && m.text
                                                    .split(|c: char| !c.is_alphanumeric())
                                                    .any(|x| x.eq_ignore_ascii_case(&w.lower))
                                        })
                                })
                            };
                            let antecedent = match kind {
                                EntityKind::Person => ents
                                    .iter()
                                    .enumerate()
                                    .filter(|(_, e)| {
                                        e.kind == EntityKind::Person && !e.name.is_empty()
                                    })
                                    .map(|(i, e)| (i, e, modified(e)))
                                    // a person given other roles is not "the actress"
                                    // (an office or a trade, not a noun such as "girl")
                                    .filter(|&(_, e, named_so)| {
                                        e.roles.iter().all(|r| {
                                            r == &role || !lex.person_roles.contains_key(r)
                                        }) || e.roles.contains(&role)
                                            || !lex.person_roles.contains_key(&head_word)
                                            || named_so
                                    })
                                    .max_by_key(|&(_, e, named_so)| {
                                        (e.roles.contains(&role), named_so, e.seen)
                                    })
                                    .map(|(i, _, _)| i),
                                // "the company", not "the defence ministry": a group
                                // description with modifiers names a group of its own
                                // (a group named by one common word, "the Observers",
                                // is not "the group")
                                EntityKind::Group if h == k + 1 => ents
                                    .iter()
                                    .enumerate()
                                    .filter(|(_, e)| e.kind == kind && !e.name.is_empty())
                                    .filter(|(_, e)| {
                                        e.full()
                                            || !lex.not_names.contains(&e.name.to_lowercase())
                                                && !lower_words
                                                    .contains(e.name.to_lowercase().as_str())
                                    })
                                    .max_by_key(|(_, e)| e.seen)
                                    .map(|(i, _)| i),
                                // "the region" is seldom the place named last
                                _ => None,
                            };
                            // the entity given that role anywhere before; else the same
                            // description used before; else the entity of its kind named last,
                            // in this sentence or the one before
                            let by_role = antecedent.filter(|&e| {
                                ents[e].roles.contains(&role)
                                    || kind == EntityKind::Person && modified(&ents[e])
                            });
                            // inside a quotation the speaker may mean anyone: not by recency
                            let recent = antecedent.filter(|&e| {
                                ents[e].seen.0 + 1 >= s && !in_quotation(text, t.start)
                            });
                            // capitalised modifiers say whose it is: "the Varga administration"
                            // is not "the Holm administration"
                            let proper: Vec<&str> = modifiers
                                .iter()
                                .filter(|w| w.capitalized)
                                .map(|w| w.lower.as_str())
                                .collect();
                            let key = if proper.is_empty() {
                                head_word.clone()
                            } else {
                                format!("{} {head_word}", proper.join(" "))
                            };
                            // an appositive: "Vale Corp., the software maker, said": the
                            // description closed by a comma or the sentence's end names the
                            // name right before it
                            let closed = text
                                .get(toks[h].end..)
                                .and_then(|rest| rest.trim_start().chars().next())
                                .is_none_or(|c| matches!(c, ',' | '.' | ';' | ')'));
                            let appositive = ents.iter().position(|e| {
                                !e.name.is_empty()
                                    && !CALENDAR.iter().any(|c| e.name.eq_ignore_ascii_case(c))
                                    && e.mentions.last().is_some_and(|m| {
                                        m.sentence == s
                                            && m.form != MentionForm::Pronoun
                                            && text.get(m.end..t.start).is_some_and(|g| {
                                                g.trim() == "," || g.trim() == "',"
                                            })
                                    })
                            });
                            let appositive = appositive.filter(|_| closed);
                            let found = appositive
                                .or(by_role)
                                .or_else(|| by_head.get(&key).copied())
                                .or(recent);
                            let e = describe(
                                &mut ents,
                                &mut by_head,
                                &mut last_person,
                                found,
                                Description {
                                    mention: m,
                                    head: key.clone(),
                                    kind,
                                    at: (s, k),
                                    quoted: in_quotation(text, t.start),
                                },
                            );
                            // a later "the administration" is the one named last
                            if key != head_word {
                                by_head.insert(head_word, e);
                            }
                        }
                        k = h + 1;
                        continue;
                    }
                }
            }
            // a run of capitalised words ("Mr." and "Sen." may be followed by a full stop)
            let mut common_opener = false;
            if is_name_word(text, t) {
                let mut j = k + 1;
                if title_case {
                    // a headline capitalises every word: the name is the longest part of the
                    // run that the articles' other sentences write as a name, else the run up
                    // to a word they write in lower case ("Fired Coach Ann Lee Says …")
                    // (a run longer than any headline is read a window at a time, and no
                    // part longer than `body_names` keeps is looked up: a run of thousands of
                    // capitalised words took seconds)
                    let end = capital_run_end(text, toks, k).min(k + HEADLINE_WINDOW);
                    let words: Vec<&str> = toks[k..end].iter().map(|t| t.lower.as_str()).collect();
                    let known = (1..=words.len().min(NAME_PART_WORDS))
                        .rev()
                        .find_map(|len| {
                            (0..=words.len() - len)
                                .find(|&p| body_names.contains(&words[p..p + len].join(" ")))
                                .map(|p| (p, len))
                        });
                    match known {
                        Some((p, _)) if p > 0 => {
                            k += p;
                            continue;
                        }
                        Some((_, len)) => j = k + len,
                        None => {
                            j = (k + 1..end)
                                .find(|&x| {
                                    is_stopword(&toks[x].lower)
                                        || lower_words.contains(toks[x].lower.as_str())
                                })
                                .unwrap_or(end)
                        }
                    }
                }
                while !title_case
                    && j < toks.len()
                    && !is_possessive(text, &toks[j - 1])
                    && !CALENDAR.contains(&toks[j - 1].lower.as_str())
                    && !CALENDAR.contains(&toks[j].lower.as_str())
                    && !DEICTIC_TIMES.contains(&toks[j - 1].lower.as_str())
                {
                    let prev = &toks[j - 1];
                    let gap_ok = joined(text, prev, &toks[j])
                        || (role_of(lex, &prev.lower).is_some()
                            && text
                                .get(prev.end..toks[j].start)
                                .is_some_and(|g| g.trim() == "."));
                    if gap_ok && is_name_word(text, &toks[j]) {
                        j += 1;
                    } else if gap_ok
                        && is_initial(text, &toks[j])
                        && toks.get(j + 1).is_some_and(|n| {
                            text.get(toks[j].end..n.start)
                                .is_some_and(|g| g.trim() == ".")
                                && is_name_word(text, n)
                        })
                    {
                        // a middle initial: "Raj K. Chohan"
                        j += 2;
                    } else if gap_ok
                        && matches!(toks[j].lower.as_str(), "of" | "de" | "van" | "von" | "bin")
                        && j + 1 < toks.len()
                        && joined(text, &toks[j], &toks[j + 1])
                        && is_name_word(text, &toks[j + 1])
                    {
                        j += 2;
                    } else {
                        break;
                    }
                }
                // a sentence opener that is a common word is not part of the name
                let mut a = k;
                let opener = k == 0
                    || text
                        .get(..t.start)
                        .is_some_and(|before| before.trim_end().ends_with(['"', '“', ':', '(']));
                while a < j
                    && role_of(lex, &toks[a].lower).is_none()
                    && !CALENDAR.contains(&toks[a].lower.as_str())
                    && !opens_place_name(&toks[a..j])
                    && (is_stopword(&toks[a].lower)
                        || DEICTIC_TIMES.contains(&toks[a].lower.as_str())
                        || lex.not_names.contains(&toks[a].lower) && toks[a].lower.len() <= 4
                        || ((a == k && opener || title_case)
                            && lower_words.contains(toks[a].lower.as_str())))
                {
                    a += 1;
                }
                // titles and roles open the run: "President Nora Vance", "Mr. Smith"
                let mut roles: Vec<String> = Vec::new();
                let mut b = k;
                // and lower-case person nouns before the name ("actress Ines Cole")
                // (not an owner: "the actress's agent Ann Lee" is the agent)
                while b > 0
                    && !toks[b - 1].capitalized
                    && !is_possessive(text, &toks[b - 1])
                    && joined(text, &toks[b - 1], &toks[b])
                    && (role_of(lex, &toks[b - 1].lower).is_some()
                        || noun_kind(&toks[b - 1].lower, lex) == Some(EntityKind::Person))
                {
                    b -= 1;
                    let w = toks[b].lower.as_str();
                    roles.push(role_of(lex, w).unwrap_or(w).to_string());
                }
                let mut n = a;
                for (x, tok) in toks.iter().enumerate().take(j).skip(a) {
                    if let Some(r) = role_of(lex, &tok.lower)
                        && x + 1 < j
                    {
                        roles.push(r.to_string());
                        n = x + 1;
                    }
                }
                // a person noun capitalised as a title before a name of two words or more
                // ("Coach Ann Lee", "Actress Ines Cole"); not before one ("Hunter Lee"). Words
                // before it that the articles write in lower case are the title's ("Head Coach
                // Ann Lee"); a name before those is a name of its own, read first ("Comets Head
                // Coach Ann Lee": the Comets, then the coach)
                // (and not before a group's name: "National Rowing Club" is no title and a club)
                let title = (n..j.saturating_sub(2)).find(|&x| {
                    noun_kind(&toks[x].lower, lex) == Some(EntityKind::Person)
                        && lower_words.contains(toks[x].lower.as_str())
                        && toks[x + 1..j].iter().all(|t| !is_initial(text, t))
                        && noun_kind(&toks[j - 1].lower, lex) != Some(EntityKind::Group)
                });
                if let Some(x) = title {
                    let p = (n..x)
                        .rev()
                        .take_while(|&y| lower_words.contains(toks[y].lower.as_str()))
                        .last()
                        .unwrap_or(x);
                    if p > n {
                        j = p;
                    } else {
                        roles.push(toks[x].lower.clone());
                        n = x + 1;
                    }
                }
                if n >= j {
                    // only common words (or only a title): read them as words
                    if a >= j && j == k + 1 {
                        common_opener = true;
                    } else {
                        k = a.max(k + 1);
                        continue;
                    }
                } else {
                    let name_toks = &toks[n..j];
                    let words: Vec<&str> = name_toks.iter().map(|t| t.lower.as_str()).collect();
                    // a middle initial is left out of the key: "Raj K. Chohan" is "Raj Chohan"
                    let lower_name = name_key(&words);
                    let last = words.last().copied().unwrap_or_default().to_string();
                    let display = {
                        let first = &name_toks[0];
                        let lastt = &name_toks[name_toks.len() - 1];
                        let raw = text.get(first.start..lastt.end).unwrap_or_default();
                        trim_possessive(raw).to_string()
                    };
                    let calendar = words.len() == 1 && CALENDAR.contains(&words[0]);
                    let after_locative = n > 0 && LOCATIVES.contains(&toks[n - 1].lower.as_str());
                    let titled = !roles.is_empty();
                    let start_tok = if b < k {
                        b
                    } else if n > a {
                        a
                    } else {
                        n
                    };
                    // a name written after "the", with no title between, is no person's ("the
                    // Comets", "the Dunmore Times"), unless a noun follows that the name
                    // modifies ("the Varga family")
                    let after_the = !titled
                        && start_tok > 0
                        && toks[start_tok - 1].lower == "the"
                        && !toks.get(j).is_some_and(|x| {
                            joined(text, &toks[j - 1], x)
                                && !x.capitalized
                                && noun_kind(&x.lower, lex).is_some()
                        });
                    // what such a name is instead: a group if plural ("the Comets"), else a thing
                    let plural = last.len() > 3 && last.ends_with('s') && !last.ends_with("ss");
                    let no_person = if plural {
                        EntityKind::Group
                    } else {
                        EntityKind::Other
                    };
                    // a name ending in a noun of a group or a place names one ("Dunmore
                    // County") when it follows "the" or the articles write that noun in lower
                    // case, or, for a group, when it has three words or more ("Vale Bible
                    // Church"): not "Ann Fleet", not "Coach Ann Lee"
                    let head_kind = if words.len() > 1 {
                        noun_kind(&last, lex).filter(|&k| {
                            after_the
                                || lower_words.contains(last.as_str())
                                || k == EntityKind::Group && words.len() > 2
                        })
                    } else {
                        None
                    };
                    let head_kind =
                        head_kind.filter(|k| matches!(k, EntityKind::Group | EntityKind::Place));
                    // a given name opening two words is a person's name even when the second is
                    // a noun ("Jo Porter"), unless a noun of a group or place ended it above
                    let given = words.len() == 2 && !after_the && name_female(words[0]).is_some();
                    let people_noun = |w: &str| {
                        noun_kind(w, lex) == Some(EntityKind::Person)
                            || singulars(w).any(|x| noun_kind(&x, lex) == Some(EntityKind::Person))
                    };
                    let known = by_name.get(&lower_name).copied().or_else(|| {
                        if words.len() == 1 {
                            by_last
                                .get(&last)
                                .copied()
                                .filter(|&e| ents[e].kind == EntityKind::Person)
                        } else {
                            // a full name for someone known so far by last name only
                            by_last
                                .get(&last)
                                .copied()
                                .filter(|&e| ents[e].kind == EntityKind::Person && !ents[e].full())
                        }
                    });
                    let form = match known {
                        Some(e) if words.len() == 1 && ents[e].full() => MentionForm::Short,
                        _ if titled && words.len() == 1 => MentionForm::Short,
                        _ => MentionForm::Name,
                    };
                    let Some(m) = mention(start_tok, j, form) else {
                        k = j;
                        continue;
                    };
                    let e = match known {
                        Some(e) => e,
                        None => {
                            let kind = if calendar {
                                EntityKind::Other
                            } else if titled {
                                EntityKind::Person
                            } else if let Some(k) = head_kind {
                                k
                            } else if after_locative {
                                EntityKind::Place
                            } else if words.iter().any(|w| lex.not_names.contains(*w)) {
                                EntityKind::Group
                            } else if after_the {
                                no_person
                            } else if words.len() >= 2
                                && words.len() <= 4
                                // no surname is a noun of persons ("Kenyan Americans")
                                // or a noun the articles write in lower case ("Prime
                                // Minister", "the Peace Talks" … "the talks"), unless a given
                                // name opens it; another noun never so written may be one
                                // ("Ann Fleet")
                                && (given
                                    || !(people_noun(&last)
                                        || lower_words.contains(last.as_str())
                                            && noun_kind(&last, lex).is_some()))
                                && name_toks.iter().all(|t| {
                                    text.get(t.start..t.end)
                                        .is_some_and(|w| w.chars().any(char::is_lowercase))
                                })
                            {
                                EntityKind::Person
                            } else {
                                EntityKind::Other
                            };
                            ents.push(Local {
                                name: String::new(),
                                last: last.clone(),
                                head: String::new(),
                                heads: Vec::new(),
                                kind,
                                roles: Vec::new(),
                                mentions: Vec::new(),
                                seen: (s, k),
                                female: None,
                            });
                            ents.len() - 1
                        }
                    };
                    let ent = &mut ents[e];
                    if ent.name.is_empty() || (words.len() > 1 && !ent.full()) {
                        ent.name = display;
                        ent.last = last.clone();
                    }
                    if titled && ent.kind == EntityKind::Other {
                        ent.kind = EntityKind::Person;
                    }
                    // the sex a given name or an honorific shows
                    let sex = words
                        .first()
                        .filter(|_| words.len() > 1)
                        .and_then(|w| name_female(w))
                        .or_else(|| {
                            roles.iter().find_map(|r| match r.as_str() {
                                "mr" => Some(false),
                                "mrs" | "ms" | "miss" => Some(true),
                                _ => None,
                            })
                        });
                    if sex.is_some() && ent.female.is_none() {
                        ent.female = sex;
                    }
                    if after_the && ent.kind == EntityKind::Person {
                        ent.kind = no_person;
                    }
                    for r in roles {
                        if !ent.roles.contains(&r) {
                            ent.roles.push(r);
                        }
                    }
                    ent.mentions.push(m);
                    ent.seen = (s, k);
                    by_name.insert(lower_name, e);
                    if ent.kind == EntityKind::Person {
                        by_last.insert(last, e);
                        last_person = Some((e, s));
                    }
                    k = j;
                    continue;
                }
            }
            // a score or a sum ("31-24", "$334 million"): the same figure is the same thing
            if let Some((end_tok, start)) = figure(text, toks, k) {
                let end = toks[end_tok - 1].end;
                if let Some(written) = text.get(start..end) {
                    let head_word = format!("#{}", written.to_lowercase());
                    let m = EntityMention {
                        article: id,
                        sentence: s,
                        start,
                        end,
                        text: written.to_string(),
                        form: MentionForm::Description,
                    };
                    let found = by_head.get(&head_word).copied();
                    describe(
                        &mut ents,
                        &mut by_head,
                        &mut last_person,
                        found,
                        Description {
                            mention: m,
                            head: head_word,
                            kind: EntityKind::Other,
                            at: (s, k),
                            quoted: true,
                        },
                    );
                }
                k = end_tok;
                continue;
            }
            // an actor named by a bare or indefinite noun ("police said", "a woman"): itself,
            // or the same noun used before in the article
            let bare = if DEICTIC_TIMES.contains(&t.lower.as_str()) {
                Some(EntityKind::Other)
            } else if (!t.capitalized || common_opener)
                && !is_stopword(&t.lower)
                // "left", "lost": a past form more often than a noun
                && !crate::text::wordnet::irregular_verb_form(&t.lower)
            {
                noun_kind(&t.lower, lex).filter(|_| {
                    k == 0
                        || !matches!(
                            toks[k - 1].lower.as_str(),
                            "to" | "will"
                                | "would"
                                | "can"
                                | "could"
                                | "may"
                                | "might"
                                | "must"
                                | "should"
                                | "shall"
                        )
                })
            } else {
                None
            };
            let before_name = toks
                .get(k + 1)
                .is_some_and(|n| joined(text, t, n) && is_name_word(text, n));
            // after a subject pronoun or "not" a noun form is a verb ("we know", "they want",
            // "did not need")
            let verb = k > 0
                && matches!(
                    toks[k - 1].lower.as_str(),
                    "i" | "we" | "you" | "they" | "not" | "never"
                );
            if let Some(kind) = bare.filter(|_| !before_name && !verb) {
                let head_word = t.lower.clone();
                if let Some(m) = mention(k, k + 1, MentionForm::Description) {
                    let found = by_head.get(&head_word).copied();
                    describe(
                        &mut ents,
                        &mut by_head,
                        &mut last_person,
                        found,
                        Description {
                            mention: m,
                            head: head_word,
                            kind,
                            at: (s, k),
                            quoted: in_quotation(text, t.start),
                        },
                    );
                }
                k += 1;
                continue;
            }
            // he and she: the person named last, in this sentence or the one before; if the text
            // shows that person is of the other sex, the person of this sex met last there
            if PRONOUNS.contains(&t.lower.as_str())
                && let Some((e, at)) = last_person
                && at + 1 >= s
            {
                let female = matches!(t.lower.as_str(), "she" | "her" | "hers" | "herself");
                let target = if ents[e].female == Some(!female) {
                    ents.iter()
                        .enumerate()
                        .filter(|(_, x)| {
                            x.kind == EntityKind::Person
                                && x.seen.0 + 1 >= s
                                && x.female != Some(!female)
                        })
                        .max_by_key(|(_, x)| x.seen)
                        .map(|(i, _)| i)
                } else {
                    Some(e)
                };
                if let (Some(e), Some(m)) = (target, mention(k, k + 1, MentionForm::Pronoun)) {
                    ents[e].mentions.push(m);
                    // a reader takes the person's sex from the pronoun
                    ents[e].female.get_or_insert(female);
                }
            }
            // "X, who …": the relative pronoun is X
            // "the car, which …", "the vessel that …", "the town where …": any entity
            let relative = match t.lower.as_str() {
                "who" | "whom" | "whose" => Some(true),
                "which" | "that" | "where" => Some(false),
                _ => None,
            };
            if let Some(person) = relative {
                // "that" takes no comma and follows a description: "said Thursday that" and
                // "told Corva that" open a clause
                let that = t.lower == "that";
                let right_before = ents.iter().position(|e| {
                    (e.kind == EntityKind::Person) == person
                        && e.mentions.last().is_some_and(|m| {
                            m.sentence == s
                                && (!that || m.form == MentionForm::Description)
                                && text.get(m.end..t.start).is_some_and(|g| {
                                    let g = g.trim();
                                    // an age between: "Ann Lee, 33, who"
                                    let aged = g
                                        .strip_prefix(',')
                                        .and_then(|r| r.strip_suffix(','))
                                        .is_some_and(|n| {
                                            let n = n.trim();
                                            !n.is_empty() && n.chars().all(|c| c.is_ascii_digit())
                                        });
                                    g.is_empty() || !that && (g == "," || aged)
                                })
                        })
                });
                if let (Some(e), Some(m)) = (right_before, mention(k, k + 1, MentionForm::Pronoun))
                {
                    ents[e].mentions.push(m);
                }
            }
            // its, they: the group or organisation named last, in this sentence or the one before
            let wanted = match t.lower.as_str() {
                // "it" is a thing ("the police said it was stolen": the car, not the police)
                // but not "it is", "it was" (mostly no thing: "it was clear that …")
                "it" if !toks
                    .get(k + 1)
                    .is_some_and(|n| COPULAS.contains(&n.lower.as_str())) =>
                {
                    Some(&[EntityKind::Other][..])
                }
                "it" => None,
                "its" | "itself" => Some(&[EntityKind::Group, EntityKind::Other][..]),
                "they" | "them" | "their" | "themselves" => Some(&[EntityKind::Group][..]),
                _ => None,
            };
            if let Some(kinds) = wanted {
                let latest = ents
                    .iter()
                    .enumerate()
                    .filter(|(_, e)| kinds.contains(&e.kind) && e.seen.0 + 1 >= s)
                    // a thing known only by a description is "it" too ("the vessel … it")
                    .filter(|(_, e)| {
                        e.kind != EntityKind::Other || !e.name.is_empty() || t.lower == "it"
                    })
                    // a day or a month is not "it"
                    .filter(|(_, e)| !CALENDAR.iter().any(|c| e.name.eq_ignore_ascii_case(c)))
                    .max_by_key(|(_, e)| e.seen)
                    .map(|(i, _)| i);
                if let (Some(e), Some(m)) = (latest, mention(k, k + 1, MentionForm::Pronoun)) {
                    ents[e].mentions.push(m);
                }
            }
            k += 1;
        }
    }
    ents.retain(|e| !e.mentions.is_empty());
    ents
}

/// Entities of different stories (or of articles in no story) that carry one proper name join:
/// a name of two or more words ("Nora Vance", "Vale Bible Church"), or one word naming a group
/// or place ("Vale Systems", "Peru"), written as a name in both, denotes one referent wherever it
/// is read. A one-word person name ("Vance") is left alone: two stories may mean two people.
fn merge_across_stories(entities: Vec<Entity>) -> Vec<Entity> {
    let key = |e: &Entity| -> Option<String> {
        let words = e.name.split_whitespace().count();
        // written as that name somewhere, a title before it or not ("coach Ann Lee")
        let named = e.mentions.iter().any(|m| {
            m.form == MentionForm::Name
                && m.text
                    .len()
                    .checked_sub(e.name.len())
                    .and_then(|at| m.text.split_at_checked(at))
                    .is_some_and(|(before, tail)| {
                        tail.eq_ignore_ascii_case(&e.name)
                            && before.chars().last().is_none_or(char::is_whitespace)
                    })
        });
        let proper = e.name.chars().next().is_some_and(char::is_uppercase);
        // a name of two words or more is one referent whatever kind each story took it for;
        // one word also needs the same kind ("Varnia" the person is not "Varnia" the country)
        let kind = if words >= 2 {
            String::new()
        } else {
            format!("{:?}", e.kind)
        };
        (named && proper && (words >= 2 || matches!(e.kind, EntityKind::Group | EntityKind::Place)))
            .then(|| format!("{kind}:{}", e.name.to_lowercase()))
    };
    let mut first: FxHashMap<String, usize> = FxHashMap::default();
    let mut out: Vec<Entity> = Vec::with_capacity(entities.len());
    // mentions per kind of the entities joined into each
    let mut votes: Vec<FxHashMap<EntityKind, usize>> = Vec::with_capacity(entities.len());
    for e in entities {
        // the entity met first under a key takes the later ones in
        let earlier = key(&e).and_then(|k| {
            let next = out.len();
            let at = *first.entry(k).or_insert(next);
            (at != next).then_some(at)
        });
        match earlier {
            Some(i) => {
                *votes[i].entry(e.kind).or_default() += e.mentions.len();
                out[i].mentions.extend(e.mentions);
                in_text_order(&mut out[i].mentions);
            }
            None => {
                votes.push(FxHashMap::from_iter([(e.kind, e.mentions.len())]));
                out.push(e);
            }
        }
    }
    // a joined entity takes the kind most of its mentions give
    for (e, v) in out.iter_mut().zip(&votes) {
        e.kind = voted_kind(v);
    }
    out
}

/// The kind most mentions give (an unknown kind yields to any other; of two as many, the
/// first in [`EntityKind`] order).
fn voted_kind(votes: &FxHashMap<EntityKind, usize>) -> EntityKind {
    votes
        .iter()
        .filter(|(k, _)| **k != EntityKind::Other)
        .max_by_key(|(k, n)| (**n, std::cmp::Reverse(**k)))
        .map_or(EntityKind::Other, |(k, _)| *k)
}

/// For each topic (in `topics` order), the indices into `entities` of the actors (people,
/// groups and places some article calls by a name or a short form) with a mention in one of the
/// topic's sentences, in ascending order: whom the topic's naming rows and naming differences
/// look at.
pub fn actors_by_topic(topics: &[Topic], entities: &[Entity]) -> Vec<Vec<usize>> {
    let mut topics_of: FxHashMap<(ArticleId, usize), Vec<usize>> = FxHashMap::default();
    for (t, topic) in topics.iter().enumerate() {
        for m in &topic.members {
            for &s in &m.sentences {
                topics_of.entry((m.article, s)).or_default().push(t);
            }
        }
    }
    let mut out = vec![Vec::new(); topics.len()];
    for (k, e) in entities.iter().enumerate() {
        let named = e
            .mentions
            .iter()
            .any(|m| matches!(m.form, MentionForm::Name | MentionForm::Short));
        if !e.kind.is_actor() || !named {
            continue;
        }
        for m in &e.mentions {
            for &t in topics_of
                .get(&(m.article, m.sentence))
                .map_or(&[][..], Vec::as_slice)
            {
                if out[t].last() != Some(&k) {
                    out[t].push(k);
                }
            }
        }
    }
    out
}

/// Puts mentions in article, sentence and position order, each place once.
fn in_text_order(mentions: &mut Vec<EntityMention>) {
    mentions.sort_by_key(|m| (m.article, m.sentence, m.start));
    mentions.dedup_by_key(|m| (m.article, m.sentence, m.start));
}

/// Union-find over the entities of a story.
fn find(parent: &mut [usize], mut x: usize) -> usize {
    while parent[x] != x {
        parent[x] = parent[parent[x]];
        x = parent[x];
    }
    x
}

fn union(parent: &mut [usize], a: usize, b: usize) {
    let (ra, rb) = (find(parent, a), find(parent, b));
    if ra != rb {
        parent[ra.max(rb)] = ra.min(rb);
    }
}

/// Finds the entities of every article and clusters them across the articles of each story
/// (an article in no story stands alone). `tokens[i]` belongs to `articles[i]`.
pub fn find_entities(
    articles: &[Article],
    tokens: &[ArticleTokens],
    stories: &[Story],
    lex: &Lexicons,
) -> Vec<Entity> {
    use rayon::prelude::*;
    let (lower_words, body_names) = rayon::join(
        || lower_case_words(tokens, articles),
        || body_names(tokens, articles),
    );
    let locals: Vec<Vec<Local>> = articles
        .par_iter()
        .zip(tokens.par_iter())
        .enumerate()
        .map(|(i, (a, t))| article_entities(ArticleId(i), a, t, lex, &lower_words, &body_names))
        .collect();
    // groups of articles: each story, then each article in none
    let mut groups: Vec<Vec<usize>> = Vec::new();
    let mut placed = vec![false; articles.len()];
    for story in stories {
        let members: Vec<usize> = story
            .articles
            .iter()
            .map(|a| a.index())
            .filter(|&i| i < articles.len() && !std::mem::replace(&mut placed[i], true))
            .collect();
        if !members.is_empty() {
            groups.push(members);
        }
    }
    groups.extend((0..articles.len()).filter(|&i| !placed[i]).map(|i| vec![i]));
    // the groups are independent: read in parallel, their entities kept in group order
    let per_group: Vec<Vec<Entity>> = groups
        .par_iter()
        .map(|group| {
            let mut out: Vec<Entity> = Vec::new();
            let items: Vec<&Local> = group.iter().flat_map(|&a| &locals[a]).collect();
            let mut parent: Vec<usize> = (0..items.len()).collect();
            let mut by_key: FxHashMap<String, usize> = FxHashMap::default();
            // last name -> the distinct full names of people ending with it
            let mut fulls: FxHashMap<&str, FxHashSet<String>> = FxHashMap::default();
            let mut full_of: FxHashMap<String, usize> = FxHashMap::default();
            let mut keys: Vec<String> = Vec::with_capacity(items.len());
            for (x, e) in items.iter().enumerate() {
                let key = if e.name.is_empty() {
                    match deictic_day(e, articles) {
                        Some(day) => format!("n:{day}"),
                        None => format!("d:{}", e.head),
                    }
                } else {
                    let lower = e.name.to_lowercase();
                    let words: Vec<&str> = lower
                        .split(|c: char| c.is_whitespace() || c == '.')
                        .filter(|w| !w.is_empty())
                        .collect();
                    format!("n:{}", name_key(&words))
                };
                let full_key = key.strip_prefix("n:").unwrap_or_default().to_string();
                keys.push(full_key.clone());
                match by_key.get(&key) {
                    Some(&y) => union(&mut parent, x, y),
                    None => {
                        by_key.insert(key, x);
                    }
                }
                if e.kind == EntityKind::Person && e.full() {
                    fulls
                        .entry(e.last.as_str())
                        .or_default()
                        .insert(full_key.clone());
                    full_of.entry(full_key).or_insert(x);
                }
            }
            // full names of one surname whose first names share their initial are one person
            // written two ways ("Alexandra Okafor" / "Alex Okafor", a middle name or not)
            for names in fulls.values() {
                if names.len() < 2 {
                    continue;
                }
                let mut by_initial: FxHashMap<char, Vec<usize>> = FxHashMap::default();
                for n in names {
                    if let (Some(c), Some(&x)) = (n.chars().next(), full_of.get(n)) {
                        by_initial.entry(c).or_default().push(x);
                    }
                }
                for xs in by_initial.values() {
                    for w in xs.windows(2) {
                        union(&mut parent, w[0], w[1]);
                    }
                }
            }
            // mentions of each full name in the story
            let mut full_mentions: FxHashMap<&str, usize> = FxHashMap::default();
            for (x, e) in items.iter().enumerate() {
                if e.kind == EntityKind::Person && e.full() {
                    let key = &keys[x];
                    *full_mentions.entry(key.as_str()).or_default() += e.mentions.len();
                }
            }
            // a lone last name joins the one full name of the story that ends with it, or of
            // several, the one the story names far more often than the others
            for (x, e) in items.iter().enumerate() {
                if e.name.is_empty() || e.full() {
                    continue;
                }
                let Some(names) = fulls.get(e.last.as_str()) else {
                    continue;
                };
                // mentions per person (full names already joined count as one)
                let mut per_root: FxHashMap<usize, usize> = FxHashMap::default();
                for n in names {
                    if let Some(&y) = full_of.get(n) {
                        *per_root.entry(find(&mut parent, y)).or_default() +=
                            full_mentions.get(n.as_str()).copied().unwrap_or(0);
                    }
                }
                if let Some(y) = dominant(per_root.into_iter().map(|(r, m)| (m, r))) {
                    union(&mut parent, x, y);
                }
            }
            // a shorter name that is the start or end of one longer name of the story, or its
            // initials ("Vale" / "Vale Corp", "Comets" / "New Dunmore Comets", "OMT" /
            // "Ostrian Motor Trust"), joins it when no other name fits, or of several, the one
            // the story names three times more often than the others
            // twice: "Vale Systems" joins "Vale Systems Inc." first, then "Vale" both
            for _ in 0..2 {
                let mut parts: FxHashMap<String, FxHashSet<usize>> = FxHashMap::default();
                for (x, e) in items.iter().enumerate() {
                    let words: Vec<&str> = e.name.split_whitespace().collect();
                    if words.len() < 2 || CALENDAR.iter().any(|c| e.name.eq_ignore_ascii_case(c)) {
                        continue;
                    }
                    let root = find(&mut parent, x);
                    // a name ending in a common noun of a thing is about its first words, not
                    // them: "Varnia Peace Talks" is not a name of Varnia
                    let about = words.last().is_some_and(|w| {
                        noun_kind(&w.to_lowercase(), lex) == Some(EntityKind::Other)
                    }) && e.kind != EntityKind::Person;
                    for i in 1..words.len() {
                        let head = words[..i].join(" ").to_lowercase();
                        let tail = words[i..].join(" ").to_lowercase();
                        if !about {
                            parts.entry(head).or_default().insert(root);
                        }
                        // "South Varnia" is not "Varnia", nor "New Dunmore" "Dunmore"
                        let directional = words[..i]
                            .iter()
                            .all(|w| PLACE_QUALIFIERS.contains(&w.to_lowercase().as_str()));
                        if !directional {
                            parts.entry(tail).or_default().insert(root);
                        }
                    }
                    let initials: String = words
                        .iter()
                        .filter_map(|w| w.chars().next())
                        .filter(|c| c.is_uppercase())
                        .collect();
                    if initials.chars().count() >= 2 {
                        parts
                            .entry(initials.to_lowercase())
                            .or_default()
                            .insert(root);
                    }
                }
                // mentions per cluster so far
                let mut size: FxHashMap<usize, usize> = FxHashMap::default();
                for (x, e) in items.iter().enumerate() {
                    *size.entry(find(&mut parent, x)).or_default() += e.mentions.len();
                }
                for (x, e) in items.iter().enumerate() {
                    if e.name.is_empty() || e.kind == EntityKind::Other && e.name.len() < 2 {
                        continue;
                    }
                    if let Some(roots) = parts.get(&e.name.to_lowercase()) {
                        let distinct: FxHashSet<usize> =
                            roots.iter().map(|&r| find(&mut parent, r)).collect();
                        // of several, the one the story names far more often than the others
                        let dominant = dominant(
                            distinct
                                .iter()
                                .map(|&r| (size.get(&r).copied().unwrap_or(0), r)),
                        );
                        // a place is not part of a group's name: "Dunmore" / "Dunmore Bible Church"
                        let fits = |k: EntityKind| {
                            k == e.kind || k == EntityKind::Other || e.kind == EntityKind::Other
                        };
                        if let Some(y) = dominant.filter(|&y| fits(items[y].kind)) {
                            union(&mut parent, x, y);
                        }
                    }
                }
            }
            // an entity known only by a description ("the woman") joins the one named entity of the
            // story that some article describes with the same head noun
            // (or of several, the one described so three times as often as the others)
            let mut described_as: FxHashMap<&str, Vec<usize>> = FxHashMap::default();
            for (x, e) in items.iter().enumerate() {
                if e.name.is_empty() {
                    continue;
                }
                let root = find(&mut parent, x);
                for h in &e.heads {
                    described_as.entry(h.as_str()).or_default().push(root);
                }
            }
            for (x, e) in items.iter().enumerate() {
                if !e.name.is_empty() {
                    continue;
                }
                if let Some(roots) = described_as.get(e.head.as_str()) {
                    let mut times: FxHashMap<usize, usize> = FxHashMap::default();
                    for &r in roots {
                        *times.entry(find(&mut parent, r)).or_default() += 1;
                    }
                    if let Some(y) = dominant(times.into_iter().map(|(r, n)| (n, r))) {
                        union(&mut parent, x, y);
                    }
                }
            }
            // a thing, group or place known only by a description joins the one name of the story
            // whose last word is the description's head noun ("the church" / "Vale Bible Church")
            let mut named_by_last: FxHashMap<&str, FxHashSet<usize>> = FxHashMap::default();
            for (x, e) in items.iter().enumerate() {
                if e.kind != EntityKind::Person
                    && e.full()
                    && let Some(last) = keys[x].rsplit(' ').next()
                {
                    let root = find(&mut parent, x);
                    named_by_last.entry(last).or_default().insert(root);
                }
            }
            for (x, e) in items.iter().enumerate() {
                // a definite description ("the church"), not a bare noun ("states")
                let definite = e.mentions.iter().any(|m| {
                    m.text
                        .get(..4)
                        .is_some_and(|w| w.eq_ignore_ascii_case("the "))
                });
                if !e.name.is_empty() || e.kind == EntityKind::Person || !definite {
                    continue;
                }
                if let Some(roots) = named_by_last.get(e.head.as_str()) {
                    let distinct: FxHashSet<usize> =
                        roots.iter().map(|&r| find(&mut parent, r)).collect();
                    if distinct.len() == 1
                        && let Some(&y) = distinct.iter().next()
                    {
                        union(&mut parent, x, y);
                    }
                }
            }
            let mut clusters: FxHashMap<usize, Vec<usize>> = FxHashMap::default();
            for x in 0..items.len() {
                let r = find(&mut parent, x);
                clusters.entry(r).or_default().push(x);
            }
            for (_, members) in clusters {
                let mut mentions: Vec<EntityMention> = members
                    .iter()
                    .flat_map(|&x| items[x].mentions.iter().cloned())
                    .collect();
                in_text_order(&mut mentions);
                // the kind most members give
                let mut votes: FxHashMap<EntityKind, usize> = FxHashMap::default();
                for &x in &members {
                    *votes.entry(items[x].kind).or_default() += items[x].mentions.len();
                }
                let kind = voted_kind(&votes);
                let name = members
                    .iter()
                    .map(|&x| items[x])
                    .filter(|e| !e.name.is_empty())
                    .max_by_key(|e| (e.name.split(' ').count(), e.mentions.len()))
                    .map(|e| e.name.clone())
                    .or_else(|| {
                        mentions
                            .iter()
                            .find(|m| m.form == MentionForm::Description)
                            .map(|m| m.text.clone())
                    })
                    .unwrap_or_default();
                if mentions.is_empty() || name.is_empty() {
                    continue;
                }
                out.push(Entity {
                    id: 0,
                    name,
                    kind,
                    mentions,
                });
            }
            out
        })
        .collect();
    let mut out = merge_across_stories(per_group.into_iter().flatten().collect());
    // a thing described once ("the problem", "a deal") is no actor and has no other naming to
    // compare: it is left out (about half the entities of a large set)
    out.retain(|e| {
        e.kind != EntityKind::Other
            || e.mentions.len() > 1
            || e.mentions
                .iter()
                .any(|m| m.form != MentionForm::Description)
    });
    out.sort_by_key(|e| e.mentions.first().map(|m| (m.article, m.sentence, m.start)));
    for (i, e) in out.iter_mut().enumerate() {
        e.id = i;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Format;
    use crate::text::analyzer::tokenize_articles;

    /// Every line of a table read into a map, for checking its binary search.
    fn scan(table: &SortedTable) -> FxHashMap<&'static str, &'static [u8]> {
        table
            .text
            .lines()
            .filter(|l| !l.starts_with('#') && !l.is_empty())
            .filter_map(|l| {
                let (k, v) = l.split_once(" |")?;
                Some((k, v.trim().as_bytes()))
            })
            .collect()
    }

    #[test]
    fn a_sorted_table_finds_every_key_and_nothing_else() {
        for table in [&NOUNS, &FIRST_NAMES] {
            let map = scan(table);
            let keys: Vec<&str> = table
                .text
                .lines()
                .filter(|l| !l.starts_with('#') && !l.is_empty())
                .map(|l| l.split_once(" |").map_or(l, |(k, _)| k))
                .collect();
            assert!(
                keys.len() > 5000 && keys.len() == map.len(),
                "{}",
                keys.len()
            );
            assert!(
                keys.windows(2).all(|w| w[0] < w[1]),
                "keys sorted, once each"
            );
            for key in &keys {
                let got = table.get(key);
                assert!(got.is_some_and(|v| !v.is_empty()), "{key:?}");
                assert_eq!(got, map.get(key).copied(), "{key:?}");
            }
            // absent keys: around every key, and past both ends
            let mut absent = vec![
                String::new(),
                " ".to_string(),
                "#".to_string(),
                "|".to_string(),
                "0".to_string(),
                "zzzzzzzzzz".to_string(),
                "\u{ff}".to_string(),
            ];
            for key in keys.iter().step_by(7) {
                absent.push(format!("{key}zz"));
                absent.push(format!("{key} "));
                absent.push(format!("{key} |"));
                absent.push(key[..key.len() - 1].to_string());
                absent.push(key.to_uppercase());
            }
            for key in &absent {
                assert_eq!(table.get(key), map.get(key.as_str()).copied(), "{key:?}");
            }
            assert!(absent.iter().any(|k| table.get(k).is_none()));
        }
        assert_eq!(NOUNS.get("committee"), Some(&b"group"[..]));
        assert_eq!(FIRST_NAMES.get("zulma"), Some(&b"f"[..]));
    }

    fn article(body: &str) -> Article {
        Article::from_body("x.txt", Format::Text, "T".into(), body)
    }

    fn run(bodies: &[&str], stories: &[&[usize]]) -> Vec<Entity> {
        let articles: Vec<Article> = bodies.iter().map(|b| article(b)).collect();
        let tokens = tokenize_articles(&articles);
        let stories: Vec<Story> = stories
            .iter()
            .enumerate()
            .map(|(id, s)| Story {
                id,
                articles: s.iter().map(|&i| ArticleId(i)).collect(),
            })
            .collect();
        find_entities(&articles, &tokens, &stories, &Lexicons::builtin())
    }

    fn texts(e: &Entity) -> Vec<&str> {
        e.mentions.iter().map(|m| m.text.as_str()).collect()
    }

    fn with<'a>(ents: &'a [Entity], text: &str) -> Vec<&'a Entity> {
        ents.iter()
            .filter(|e| e.mentions.iter().any(|m| m.text == text))
            .collect()
    }

    #[test]
    fn a_name_before_a_capitalised_title_is_a_name_of_its_own() {
        let ents = run(
            &[
                "\"We rest him,\" Comets Head Coach Ann Lee said. Lee left early. The head \
               coach of a team speaks often.",
            ],
            &[&[0]],
        );
        let lee = entity_of(&ents, "Head Coach Ann Lee");
        assert_eq!(lee.name, "Ann Lee", "{ents:?}");
        assert!(texts(lee).contains(&"Lee"), "{ents:?}");
        let comets = entity_of(&ents, "Comets");
        assert_ne!(comets.kind, EntityKind::Person, "{ents:?}");
    }

    #[test]
    fn a_name_written_after_the_is_no_person() {
        let ents = run(
            &["Ann Lee praised the Dunmore Comets. The Comets won, and they said he was right."],
            &[&[0]],
        );
        let comets = entity_of(&ents, "Dunmore Comets");
        assert_eq!(comets.kind, EntityKind::Group, "{ents:?}");
        assert!(texts(comets).contains(&"Comets"), "{ents:?}");
        assert!(!texts(comets).contains(&"he"), "{ents:?}");
        // a name that modifies the noun after it may still be a person's
        let ents = run(&["Ann Vale spoke for the Vale family. She left."], &[&[0]]);
        assert_eq!(entity_of(&ents, "Ann Vale").kind, EntityKind::Person);
    }

    #[test]
    fn a_surname_that_is_a_common_noun_is_still_a_name() {
        let ents = run(
            &["Yesterday Ann Fleet said she would stay. Fleet spoke again. The church was full."],
            &[&[0]],
        );
        let fleet = entity_of(&ents, "Ann Fleet");
        assert_eq!(fleet.kind, EntityKind::Person, "{ents:?}");
        assert!(texts(fleet).contains(&"she"), "{ents:?}");
        assert!(texts(fleet).contains(&"Fleet"), "{ents:?}");
    }

    #[test]
    fn an_owner_before_a_title_is_not_the_persons_role() {
        let ents = run(
            &[
                "Ines Cole arrived. The actress's agent Ann Lee said she was tired. \
               The actress left.",
            ],
            &[&[0]],
        );
        let lee = entity_of(&ents, "Ann Lee");
        assert!(!texts(lee).contains(&"The actress"), "{ents:?}");
        let cole = entity_of(&ents, "Ines Cole");
        assert!(texts(cole).contains(&"The actress"), "{ents:?}");
    }

    #[test]
    fn a_person_noun_that_is_no_office_does_not_bar_a_role() {
        let ents = run(
            &["Teenager Ines Cole won the race. The actress said it was her best day."],
            &[&[0]],
        );
        let cole = entity_of(&ents, "Teenager Ines Cole");
        assert!(texts(cole).contains(&"The actress"), "{ents:?}");
    }

    #[test]
    fn a_full_name_joins_across_stories_a_title_before_it_or_not() {
        let ents = run(
            &[
                "On Monday, Coach Ann Lee rested two players.",
                "Ann Lee, the coach of the team, would speak on Friday.",
            ],
            &[&[0], &[1]],
        );
        let lee = entity_of(&ents, "Coach Ann Lee");
        assert_eq!(lee.name, "Ann Lee", "{ents:?}");
        assert!(texts(lee).contains(&"Ann Lee"), "{ents:?}");
    }

    #[test]
    fn he_and_she_agree_with_the_sex_a_name_or_title_shows() {
        let ents = run(
            &["Tom Vale praised Ann Lee on Monday. He said she was ready."],
            &[&[0]],
        );
        let vale = entity_of(&ents, "Tom Vale");
        assert!(texts(vale).contains(&"He"), "{ents:?}");
        assert!(!texts(vale).contains(&"she"), "{ents:?}");
        let lee = entity_of(&ents, "Ann Lee");
        assert!(texts(lee).contains(&"she"), "{ents:?}");
        assert!(!texts(lee).contains(&"He"), "{ents:?}");
        let ents = run(&["Mr. Cole thanked Ms. Okafor. He left early."], &[&[0]]);
        let cole = entity_of(&ents, "Mr. Cole");
        assert!(texts(cole).contains(&"He"), "{ents:?}");
    }

    #[test]
    fn a_plural_of_persons_is_no_person_and_a_given_name_makes_one() {
        let ents = run(
            &["Yesterday Kenyan Americans met Jo Porter, who said she was glad."],
            &[&[0]],
        );
        assert_ne!(
            entity_of(&ents, "Kenyan Americans").kind,
            EntityKind::Person,
            "{ents:?}"
        );
        let porter = entity_of(&ents, "Jo Porter");
        assert_eq!(porter.kind, EntityKind::Person, "{ents:?}");
        assert!(texts(porter).contains(&"she"), "{ents:?}");
    }

    #[test]
    fn a_name_joined_across_stories_takes_the_kind_most_mentions_give() {
        let entity = |article: usize, kind: EntityKind, n: usize| Entity {
            id: 0,
            name: "Ann Vale".into(),
            kind,
            mentions: (0..n)
                .map(|s| EntityMention {
                    article: ArticleId(article),
                    sentence: s,
                    start: 0,
                    end: 8,
                    text: "Ann Vale".into(),
                    form: MentionForm::Name,
                })
                .collect(),
        };
        // the first story took the name for a thing, the second for a person, more often
        let merged = merge_across_stories(vec![
            entity(0, EntityKind::Other, 2),
            entity(1, EntityKind::Person, 1),
        ]);
        assert_eq!(merged.len(), 1);
        assert_eq!(merged[0].kind, EntityKind::Person);
        assert_eq!(merged[0].mentions.len(), 3);
        let merged = merge_across_stories(vec![
            entity(0, EntityKind::Group, 1),
            entity(1, EntityKind::Person, 3),
        ]);
        assert_eq!(merged[0].kind, EntityKind::Person);
    }

    #[test]
    fn capitalised_modifiers_keep_two_administrations_apart() {
        let ents = run(
            &[
                "The Varga administration loosened the rules. Officials said the Holm \
                 administration would restore them.",
                "The Holm administration acted on Monday. The administration said so.",
            ],
            &[&[0, 1]],
        );
        let varga = entity_of(&ents, "The Varga administration");
        assert!(
            !texts(varga).contains(&"the Holm administration"),
            "{ents:?}"
        );
        let holm = entity_of(&ents, "the Holm administration");
        assert!(texts(holm).contains(&"The Holm administration"), "{ents:?}");
        // the verb after the head noun is no part of the description
        assert!(
            ents.iter()
                .flat_map(|e| &e.mentions)
                .all(|m| !m.text.contains("loosened")),
            "{ents:?}"
        );
    }

    #[test]
    fn a_description_modifier_finds_the_person_named_with_it() {
        let ents = run(
            &[
                "Venezian President Ada Moro met Ostrian President Lev Karst. \
                 Karst spoke first. Later the Venezian leader left.",
            ],
            &[&[0]],
        );
        let moro: Vec<&Entity> = ents.iter().filter(|e| e.name == "Ada Moro").collect();
        assert_eq!(moro.len(), 1, "{ents:?}");
        assert!(texts(moro[0]).contains(&"the Venezian leader"), "{ents:?}");
    }

    #[test]
    fn possessive_endings_are_no_part_of_a_mention() {
        let ents = run(
            &["Nora Vance's lawyer spoke. The clinic's doctors agreed."],
            &[&[0]],
        );
        let texts: Vec<&str> = ents
            .iter()
            .flat_map(|e| &e.mentions)
            .map(|m| m.text.as_str())
            .collect();
        assert!(texts.contains(&"Nora Vance"), "{texts:?}");
        assert!(texts.iter().all(|t| !t.ends_with("'s")), "{texts:?}");
    }

    #[test]
    fn a_title_case_headline_names_only_what_the_text_names() {
        let ents = run(
            &[
                "Nora Vance Checks Into Clinic Again\n\nThe singer Nora Vance checks into a \
                 clinic, her agent said.",
            ],
            &[&[0]],
        );
        assert!(with(&ents, "Nora Vance Checks").is_empty(), "{ents:?}");
        let vance = entity_of(&ents, "Nora Vance");
        assert!(vance.mentions.len() >= 2, "{ents:?}");
    }

    #[test]
    fn a_title_case_run_of_thousands_of_words_is_read_in_windows() {
        // every part of the run was looked up as a name: this took minutes unoptimised
        let run_words = "The Harbour Board Of Dunmore ".repeat(800);
        let text = format!(
            "{run_words}Meets Nora Vance\n\nThe singer Nora Vance met the harbour board, her \
             agent said."
        );
        let ents = run(&[text.as_str()], &[&[0]]);
        let vance = entity_of(&ents, "Nora Vance");
        assert!(vance.mentions.len() >= 2, "{ents:?}");
    }

    #[test]
    fn a_capitalised_person_noun_before_a_full_name_is_a_title() {
        let ents = run(
            &["The team fired its coach. Its new hire, Coach Ann Marie Lee, starts today."],
            &[&[0]],
        );
        assert!(with(&ents, "Coach Ann Marie Lee").len() == 1, "{ents:?}");
        assert!(ents.iter().any(|e| e.name == "Ann Marie Lee"), "{ents:?}");
    }

    #[test]
    fn two_spellings_of_one_first_name_join_and_others_do_not() {
        let ents = run(
            &[
                "Alexandra Okafor won the final.",
                "Alex Okafor lifted the cup.",
                "Pedro Okafor, her brother, watched.",
            ],
            &[&[0, 1, 2]],
        );
        let alex = entity_of(&ents, "Alex Okafor");
        assert!(texts(alex).contains(&"Alexandra Okafor"), "{ents:?}");
        assert!(!texts(alex).contains(&"Pedro Okafor"), "{ents:?}");
    }

    #[test]
    fn yesterday_in_a_dated_article_is_the_weekday_before() {
        let mut articles = vec![
            article("Nora Vance left the clinic yesterday."),
            article("Nora Vance left the clinic on Tuesday."),
            article("Nora Vance spoke today."),
        ];
        // a Wednesday, a Tuesday and a Thursday
        articles[0].date = Some("2008-12-10".into());
        articles[1].date = Some("2008-12-09".into());
        articles[2].date = Some("2008-12-11".into());
        let tokens = tokenize_articles(&articles);
        let stories = [Story {
            id: 0,
            articles: vec![ArticleId(0), ArticleId(1), ArticleId(2)],
        }];
        let ents = find_entities(&articles, &tokens, &stories, &Lexicons::builtin());
        let day = entity_of(&ents, "yesterday");
        assert!(texts(day).contains(&"Tuesday"), "{ents:?}");
        assert!(!texts(day).contains(&"today"), "{ents:?}");
    }

    #[test]
    fn a_short_name_joins_the_longer_name_the_story_uses_far_more() {
        let ents = run(
            &[
                "The Vale Comets won. The Vale Comets scored twice. The Vale Comets led.",
                "The Vale Comets lost once. Their coach went to Comets Academy.",
                "The Comets celebrated.",
            ],
            &[&[0, 1, 2]],
        );
        let comets = entity_of(&ents, "Comets");
        assert!(texts(comets).contains(&"Vale Comets"), "{ents:?}");
    }

    #[test]
    fn who_after_an_age_is_the_person_named() {
        let ents = run(
            &["Police said Nora Vance, 33, who left early, was safe."],
            &[&[0]],
        );
        let vance = entity_of(&ents, "Nora Vance");
        assert!(texts(vance).contains(&"who"), "{ents:?}");
    }

    #[test]
    fn a_name_ending_in_a_thing_is_not_a_name_of_its_first_word() {
        let ents = run(
            &[
                "Delegates met at the Varnia Peace Talks on Monday. The talks ended.",
                "Varnia sent two envoys. Varnia said it wants a deal.",
            ],
            &[&[0, 1]],
        );
        let varnia = entity_of(&ents, "Varnia");
        assert!(!texts(varnia).contains(&"Varnia Peace Talks"), "{ents:?}");
    }

    #[test]
    fn a_group_named_by_a_common_word_is_not_the_group_named_last() {
        let ents = run(
            &[
                "The summit was a signal to the Observers. Varnia hopes to weaken the \
                 group behind the plan.",
            ],
            &[&[0]],
        );
        let group = entity_of(&ents, "the group");
        assert!(!texts(group).contains(&"Observers"), "{ents:?}");
    }

    #[test]
    fn an_appositive_description_is_the_name_before_it() {
        let ents = run(
            &["Vale Systems, the software maker, said on Monday it would fix the flaw."],
            &[&[0]],
        );
        let vale = entity_of(&ents, "Vale Systems");
        assert!(texts(vale).contains(&"the software maker"), "{ents:?}");
    }

    #[test]
    fn a_role_description_skips_a_person_given_other_roles() {
        let ents = run(
            &[
                "Nora Vance entered a clinic, and her spokesman Ivo Brandt confirmed it. \
                 The actress is resting.",
            ],
            &[&[0]],
        );
        let actress = entity_of(&ents, "The actress");
        assert!(texts(actress).contains(&"Nora Vance"), "{ents:?}");
        assert!(!texts(actress).contains(&"Ivo Brandt"), "{ents:?}");
    }

    #[test]
    fn a_place_after_south_is_another_place() {
        let ents = run(
            &[
                "Troops crossed into South Varnia on Monday.",
                "Varnia said the border was closed.",
            ],
            &[&[0, 1]],
        );
        let varnia = entity_of(&ents, "Varnia");
        assert!(!texts(varnia).contains(&"South Varnia"), "{ents:?}");
    }

    #[test]
    fn a_full_name_joins_across_stories_and_a_surname_does_not() {
        let ents = run(
            &[
                "Nora Vance entered a clinic on Monday.",
                "Nora Vance left the clinic on Friday.",
                "Vance won the race.",
                "Vance lost the vote.",
            ],
            &[&[0], &[1], &[2], &[3]],
        );
        let vance = entity_of(&ents, "Nora Vance");
        assert_eq!(vance.mentions.len(), 2);
        assert_eq!(with(&ents, "Vance").len(), 2, "{ents:?}");
    }

    #[test]
    fn surname_after_full_name_joins_within_and_across_articles() {
        let ents = run(
            &[
                "Nora Vance entered a clinic on Monday. Vance said nothing.",
                "The clinic admitted Vance late at night.",
            ],
            &[&[0, 1]],
        );
        let vance = with(&ents, "Nora Vance");
        assert_eq!(vance.len(), 1);
        let l = vance[0];
        assert_eq!(l.kind, EntityKind::Person);
        assert_eq!(l.name, "Nora Vance");
        assert_eq!(texts(l), vec!["Nora Vance", "Vance", "Vance"]);
        assert_eq!(l.mentions[2].article, ArticleId(1));
        assert_eq!(l.mentions[1].form, MentionForm::Short);
    }

    #[test]
    fn the_last_noun_of_a_description_is_its_head() {
        let ents = run(
            &[
                "The Vexland army said its units advanced. The special military operation went on. \
               The military operation ended.",
            ],
            &[&[0]],
        );
        // the operation is not the army ("the special military" is no description)
        assert!(
            !ents
                .iter()
                .flat_map(|e| &e.mentions)
                .any(|m| m.text == "The special military"),
            "{ents:?}"
        );
        let op = entity_of(&ents, "The special military operation");
        assert_eq!(op.kind, EntityKind::Other);
    }

    #[test]
    fn a_noun_form_after_a_subject_pronoun_is_a_verb() {
        let ents = run(
            &["We know the risks, and they want answers. Police did not need help."],
            &[&[0]],
        );
        for verb in ["know", "want", "need"] {
            assert!(with(&ents, verb).is_empty(), "{verb}: {ents:?}");
        }
        assert_eq!(with(&ents, "Police").len(), 1, "{ents:?}");
    }

    #[test]
    fn new_opens_a_place_name_and_the_article_does_not() {
        let ents = run(
            &["The New Dunmore Comets won on Sunday. New Delhi said nothing."],
            &[&[0]],
        );
        let names: Vec<&str> = ents.iter().map(|e| e.name.as_str()).collect();
        assert!(names.contains(&"New Dunmore Comets"), "{names:?}");
        assert!(names.contains(&"New Delhi"), "{names:?}");
    }

    #[test]
    fn title_forms_join_the_person() {
        let ents = run(
            &["John Smith runs the bakery. Mr. Smith opened it in 1990."],
            &[&[0]],
        );
        let smith = with(&ents, "John Smith");
        assert_eq!(smith.len(), 1);
        assert!(
            texts(smith[0]).contains(&"Mr. Smith"),
            "{:?}",
            texts(smith[0])
        );
    }

    #[test]
    fn same_surname_in_two_stories_stays_apart() {
        let ents = run(
            &[
                "Tara Smith went to court. Smith denied the charge.",
                "Paul Smith won the race. Smith thanked his team.",
            ],
            &[&[0], &[1]],
        );
        let tara = with(&ents, "Tara Smith");
        let paul = with(&ents, "Paul Smith");
        assert_eq!((tara.len(), paul.len()), (1, 1));
        assert_ne!(tara[0].id, paul[0].id);
        assert!(tara[0].mentions.iter().all(|m| m.article == ArticleId(0)));
        assert!(paul[0].mentions.iter().all(|m| m.article == ArticleId(1)));
        // two people with one surname in one story: a lone surname joins neither
        let ents = run(
            &[
                "Tara Smith went to court.",
                "Paul Smith won the race.",
                "Smith spoke later.",
            ],
            &[&[0, 1, 2]],
        );
        let lone = with(&ents, "Smith");
        assert_eq!(lone.len(), 1);
        assert_eq!(lone[0].mentions.len(), 1);
    }

    #[test]
    fn a_description_joins_the_last_compatible_name() {
        let ents = run(
            &[
                "Ines Cole checked into Harbor Rest Clinic. The actress was tired, and the center said she would stay.",
            ],
            &[&[0]],
        );
        let cole = with(&ents, "Ines Cole");
        assert_eq!(cole.len(), 1);
        let t = texts(cole[0]);
        assert!(t.contains(&"The actress"), "{t:?}");
        assert!(t.contains(&"she"), "{t:?}");
        assert!(
            !t.contains(&"the center"),
            "a place or group is not the actress: {t:?}"
        );
    }

    #[test]
    fn a_description_inside_a_quotation_is_not_the_speaker() {
        let ents = run(
            &["Anna Berg spoke in Kyiv. \"Peace cannot mean rewarding the aggressor,\" she said."],
            &[&[0]],
        );
        let berg = with(&ents, "Anna Berg");
        assert!(!texts(berg[0]).contains(&"the aggressor"), "{ents:?}");
        assert!(texts(berg[0]).contains(&"she"));
    }

    #[test]
    fn a_role_description_prefers_the_person_with_that_role() {
        let ents = run(
            &["President Anna Berg met Karl Ode. Ode spoke first. The president answered him."],
            &[&[0]],
        );
        let berg = entity_of(&ents, "President Anna Berg");
        assert!(texts(berg).contains(&"The president"));
        assert_eq!(berg.name, "Anna Berg");
    }

    #[test]
    fn a_group_stays_a_group() {
        let ents = run(
            &[
                "Officers of the Springfield Police Department arrested a man. The department said the suspect was armed. John Doe was not hurt.",
            ],
            &[&[0]],
        );
        let dept = entity_of(&ents, "Springfield Police Department");
        assert_eq!(dept.kind, EntityKind::Group);
        assert!(texts(dept).contains(&"The department"));
        assert!(with(&ents, "John Doe")[0].kind == EntityKind::Person);
        // a person description never joins the group
        assert!(!texts(dept).contains(&"the suspect"));
    }

    #[test]
    fn a_common_word_opening_a_sentence_is_not_a_name() {
        let ents = run(
            &["Police found the car. The police said it was stolen. Reports differ."],
            &[&[0]],
        );
        // "Police" opening the sentence is the common noun, not a name: one group with "The police"
        let police = entity_of(&ents, "Police");
        assert_eq!(police.kind, EntityKind::Group);
        assert_eq!(texts(police), vec!["Police", "The police"]);
        assert!(
            police
                .mentions
                .iter()
                .all(|m| m.form == MentionForm::Description)
        );
        assert!(ents.iter().all(|e| e.kind != EntityKind::Person));
    }

    #[test]
    fn namings_per_article_leave_out_pronouns() {
        let ents = run(
            &["Vladimir Putin spoke. He said the Russian leader would wait. Putin's aides agreed."],
            &[&[0]],
        );
        let p = with(&ents, "Vladimir Putin")[0];
        let names: Vec<&str> = p
            .namings(ArticleId(0), |_| true)
            .iter()
            .map(|n| n.0)
            .collect();
        assert_eq!(names, vec!["Vladimir Putin", "the Russian leader", "Putin"]);
        let later: Vec<&str> = p
            .namings(ArticleId(0), |s| s > 0)
            .iter()
            .map(|n| n.0)
            .collect();
        assert_eq!(later, vec!["the Russian leader", "Putin"]);
        assert!(p.namings(ArticleId(1), |_| true).is_empty());
    }

    fn entity_of<'a>(ents: &'a [Entity], text: &str) -> &'a Entity {
        let found = with(ents, text);
        assert_eq!(found.len(), 1, "{text}: {ents:?}");
        found[0]
    }

    #[test]
    fn the_noun_table_is_searched_to_its_ends() {
        assert_eq!(table_kind("woman"), Some(EntityKind::Person));
        assert_eq!(table_kind("vessel"), Some(EntityKind::Other));
        assert_eq!(table_kind("zzzzqx"), None);
        assert_eq!(table_kind(""), None);
        for table in [&NOUNS, &FIRST_NAMES] {
            let lines: Vec<&str> = table.text.lines().filter(|l| !l.starts_with('#')).collect();
            for line in [lines[0], lines[lines.len() / 2], lines[lines.len() - 1]] {
                let (word, _) = line.split_once(" |").unwrap();
                assert!(table.get(word).is_some(), "{line}");
            }
            // sorted, as the binary search needs
            assert!(
                lines.windows(2).all(|w| w[0] < w[1]),
                "a table is out of order"
            );
        }
        // an adjective is no head noun ("the small vessel": the head is "vessel")
        assert_eq!(table_kind("small"), None);
        assert_eq!(name_female("ann"), Some(true));
        assert_eq!(name_female("reggie"), Some(false));
        assert_eq!(name_female("zzzzqx"), None);
    }

    #[test]
    fn a_thing_is_described_by_its_head_noun_within_and_across_articles() {
        let ents = run(
            &[
                "A small vessel left the harbor at dawn. The vessel sank an hour later.",
                "Divers found the vessel on Monday.",
            ],
            &[&[0, 1]],
        );
        let vessel = entity_of(&ents, "The vessel");
        assert_eq!(vessel.kind, EntityKind::Other);
        assert_eq!(texts(vessel), vec!["vessel", "The vessel", "the vessel"]);
        assert_eq!(vessel.mentions[2].article, ArticleId(1));
        // in another story the same noun is another thing
        let ents = run(
            &[
                "The vessel sank. The vessel was old.",
                "The vessel docked. The vessel was new.",
            ],
            &[&[0], &[1]],
        );
        assert_eq!(with(&ents, "The vessel").len(), 2);
        // a thing described once is no entity; a person described once is
        let ents = run(&["The vessel sank and the captain swam."], &[&[0]]);
        assert!(with(&ents, "The vessel").is_empty(), "{ents:?}");
        assert_eq!(with(&ents, "the captain").len(), 1, "{ents:?}");
    }

    #[test]
    fn a_description_reads_past_hyphenated_modifiers() {
        let ents = run(
            &["Ines Cole left the court. The 33-year-old actress said nothing."],
            &[&[0]],
        );
        let cole = entity_of(&ents, "Ines Cole");
        assert!(
            texts(cole).contains(&"The 33-year-old actress"),
            "{:?}",
            texts(cole)
        );
    }

    #[test]
    fn relative_pronouns_and_it_refer_to_the_thing_before() {
        let ents = run(
            &[
                "Police towed the car, which had been stolen. The bridge collapsed on Monday, and it sank.",
            ],
            &[&[0]],
        );
        let car = entity_of(&ents, "the car");
        assert_eq!(texts(car), vec!["the car", "which"]);
        assert_eq!(car.mentions[1].form, MentionForm::Pronoun);
        let bridge = entity_of(&ents, "The bridge");
        assert_eq!(texts(bridge), vec!["The bridge", "it"]);
        // a day is not "it"
        assert_eq!(texts(entity_of(&ents, "Monday")), vec!["Monday"]);
        // "that" opening a clause after a name or a day is no pronoun; "it was" is no thing
        let ents = run(
            &["Officials said Monday that the bridge was safe. It was clear."],
            &[&[0]],
        );
        assert_eq!(texts(entity_of(&ents, "Monday")), vec!["Monday"]);
        // (a thing described once is left out of the entities)
        assert!(with(&ents, "It").is_empty(), "{ents:?}");
        // "who" stays with people, "which" with things
        let ents = run(&["Ines Cole, which is odd, won."], &[&[0]]);
        assert!(!texts(entity_of(&ents, "Ines Cole")).contains(&"which"));
    }

    #[test]
    fn a_middle_initial_does_not_make_another_name() {
        let ents = run(
            &[
                "Raj K. Vance spoke first. Raj Vance left early.",
                "Raj Vance declined to comment.",
            ],
            &[&[0, 1]],
        );
        let vance = entity_of(&ents, "Raj K. Vance");
        assert_eq!(vance.kind, EntityKind::Person);
        assert_eq!(texts(vance), vec!["Raj K. Vance", "Raj Vance", "Raj Vance"]);
        assert_eq!(vance.name, "Raj K. Vance");
    }

    #[test]
    fn a_lone_surname_joins_the_person_a_story_names_far_more_often() {
        let story = [
            "Tyra Moss won. Tyra Moss smiled. Tyra Moss left. Gene Moss watched.",
            "Moss scored twice.",
        ];
        let ents = run(&story, &[&[0, 1]]);
        let tyra = entity_of(&ents, "Tyra Moss");
        assert!(tyra.mentions.iter().any(|m| m.article == ArticleId(1)));
        assert!(
            with(&ents, "Gene Moss")[0]
                .mentions
                .iter()
                .all(|m| m.article == ArticleId(0))
        );
        // named about as often: the surname joins neither
        let ents = run(
            &[
                "Tyra Moss won. Tyra Moss smiled. Gene Moss watched.",
                "Moss scored twice.",
            ],
            &[&[0, 1]],
        );
        assert_eq!(with(&ents, "Moss").len(), 1);
        assert_eq!(entity_of(&ents, "Moss").mentions.len(), 1);
    }

    #[test]
    fn a_description_joins_the_person_another_article_so_describes() {
        let ents = run(
            &[
                "Ines Cole won the race. The driver thanked her team.",
                "The driver crashed in practice.",
            ],
            &[&[0, 1]],
        );
        let cole = entity_of(&ents, "Ines Cole");
        assert!(
            cole.mentions
                .iter()
                .any(|m| m.article == ArticleId(1) && m.text == "The driver"),
            "{ents:?}"
        );
    }

    #[test]
    fn a_description_joins_the_one_name_of_the_story_ending_in_its_head() {
        let ents = run(
            &[
                "Members gathered at Vale Bible Church on Sunday.",
                "The church opened in 1990.",
            ],
            &[&[0, 1]],
        );
        let church = entity_of(&ents, "Vale Bible Church");
        assert!(texts(church).contains(&"The church"), "{ents:?}");
        // a bare noun is not read as the name
        let ents = run(
            &[
                "Members gathered at Vale Bible Church.",
                "Many attended church on Sunday.",
            ],
            &[&[0, 1]],
        );
        assert_eq!(
            texts(entity_of(&ents, "Vale Bible Church")),
            vec!["Vale Bible Church"]
        );
        // two such names: the description joins neither
        let ents = run(
            &[
                "Members left Vale Bible Church for Hill Street Church.",
                "The church opened in 1990.",
            ],
            &[&[0, 1]],
        );
        assert_eq!(entity_of(&ents, "The church").mentions.len(), 1);
    }

    #[test]
    fn scores_and_sums_are_things_joined_by_their_figure() {
        let ents = run(
            &[
                "Bay won 31-24 at home. The deal was worth $334 million.",
                "It ended 31-24. Analysts put it at $334 million.",
            ],
            &[&[0, 1]],
        );
        let score = entity_of(&ents, "31-24");
        assert_eq!(score.kind, EntityKind::Other);
        assert_eq!(score.mentions.len(), 2);
        let sum = entity_of(&ents, "$334 million");
        assert_eq!(sum.mentions.len(), 2);
        assert_ne!(score.id, sum.id);
        // a bare number is no mention
        let ents = run(&["He was 24."], &[&[0]]);
        assert!(with(&ents, "24").is_empty());
    }

    #[test]
    fn odd_input_does_not_panic() {
        for body in [
            "",
            "The",
            "Mr.",
            "the the the",
            "É. Ö' the 's",
            "\"Quoted\" Name: The",
            "$ 5-",
            "A. B. the 31- -24 $",
            "€",
        ] {
            let _ = run(&[body, body], &[&[0, 1]]);
        }
    }
}
