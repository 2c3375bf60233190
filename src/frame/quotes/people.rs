//! The people of an article: person mentions found in a sentence (runs of capitalised words
//! with the role words before them), the list of people in reading order, and the lookups that
//! resolve a last name, a role ("the spokesman") or the last person named.

use crate::frame::lexicon::Lexicons;
use crate::text::tokens::Token;
use rustc_hash::FxHashMap;

pub(super) const PRONOUNS: &[&str] = &["he", "she", "they"];

/// Prepositions after which a name is not the subject of the sentence ("Of Obama, he said").
pub(super) const PREPOSITIONS: &[&str] = &[
    "of", "at", "on", "about", "to", "with", "against", "for", "from", "by", "toward", "towards",
];

/// Words that open a subordinate clause before the main one: its people are not the
/// sentence's subject ("After reporter X finished, Y said …").
const CLAUSE_INTRODUCERS: &[&str] = &[
    "after", "when", "while", "as", "although", "though", "because", "before", "since", "if",
    "once", "until", "unlike", "despite",
];

/// The token where the sentence's main clause begins: after the comma that closes an opening
/// subordinate clause, else 0.
pub(super) fn main_clause_start(text: &str, tokens: &[Token]) -> usize {
    match tokens.first() {
        Some(t) if CLAUSE_INTRODUCERS.contains(&t.lower.as_str()) => (1..tokens.len())
            .find(|&j| text[tokens[j - 1].end..tokens[j].start].contains(','))
            .unwrap_or(0),
        _ => 0,
    }
}

/// A person mentioned in an article.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Person {
    pub(super) name: String,
    pub(super) last: String,
    pub(super) roles: Vec<String>,
    /// The title or affiliation written before the name ("White House spokesman").
    pub(super) described: Option<String>,
}

/// A mention found in a sentence: where, and whom it names (index into the person list), or
/// a group speaker ("the defence ministry").
#[derive(Debug, Clone)]
pub(super) struct Mention {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) speaker: String,
    /// A group or institution ("the defence ministry"), not a person.
    pub(super) group: bool,
}

pub(super) fn is_cap(t: &Token, lex: &Lexicons) -> bool {
    t.capitalized
        && !lex.not_names.contains(&t.lower)
        && !crate::text::tokens::is_stopword(&t.lower)
        && !t.lower.starts_with("i'")
        && !t.lower.contains('-')
}

/// The role a role word names: short forms resolve through person_roles.txt ("sen" → "senator").
pub(super) fn role_name<'a>(lex: &'a Lexicons, word: &'a str) -> &'a str {
    lex.person_roles.get(word).map_or(word, String::as_str)
}

/// Tracks the people of an article in reading order.
#[derive(Default)]
pub(super) struct People {
    pub(super) persons: Vec<Person>,
    /// Index of the person mentioned last.
    pub(super) last: Option<usize>,
    /// Capitalised words the article uses as places ("in Geneva"): a lone one next to a verb
    /// is a place speaking for its government, not a person.
    pub(super) places: std::collections::HashSet<String>,
    /// Indices into `persons` by every name a person has had, in order (an entry is stale when
    /// the person's name has since grown from a last name to a full one: lookups check).
    by_name: FxHashMap<String, Vec<usize>>,
    /// Indices into `persons` by last name, ASCII-lowercased, in order.
    by_last: FxHashMap<String, Vec<usize>>,
    /// Indices into `persons` by role, in order of the role's first use for that person.
    by_role: FxHashMap<String, Vec<usize>>,
}

/// Prepositions of place: a capitalised word right after one is a place.
const LOCATIVES: &[&str] = &["in", "inside", "across", "throughout"];

impl People {
    /// Notes the words an article uses as places (given every sentence's tokens).
    pub(super) fn learn_places<'a>(&mut self, sentences: impl Iterator<Item = &'a [Token]>) {
        for tokens in sentences {
            for w in tokens.windows(2) {
                if w[1].capitalized && LOCATIVES.contains(&w[0].lower.as_str()) {
                    self.places.insert(w[1].lower.clone());
                }
            }
        }
    }
}

impl People {
    pub(super) fn add(&mut self, name: &str, roles: Vec<String>) -> usize {
        let last = name.split_whitespace().last().unwrap_or(name).to_string();
        let full = name.contains(' ');
        // the same full name; or a bare last name for someone known; or a full name for someone
        // known only by last name (family members stay apart: "Sasha Obama" is not "Barack Obama")
        let found = if full {
            self.named(name).or_else(|| {
                self.with_last(&last)
                    .find(|&i| !self.persons[i].name.contains(' '))
            })
        } else {
            self.known_last(&last)
        };
        if let Some(i) = found {
            if full && !self.persons[i].name.contains(' ') {
                self.persons[i].name = name.to_string();
                self.by_name.entry(name.to_string()).or_default().push(i);
            }
            for r in roles {
                if !self.persons[i].roles.contains(&r) {
                    self.by_role.entry(r.clone()).or_default().push(i);
                    self.persons[i].roles.push(r);
                }
            }
            self.last = Some(i);
            return i;
        }
        let i = self.persons.len();
        self.by_name.entry(name.to_string()).or_default().push(i);
        self.by_last
            .entry(last.to_ascii_lowercase())
            .or_default()
            .push(i);
        for r in &roles {
            self.by_role.entry(r.clone()).or_default().push(i);
        }
        self.persons.push(Person {
            name: name.to_string(),
            last,
            roles,
            described: None,
        });
        self.last = Some(i);
        i
    }

    /// The latest person now called exactly `name`.
    pub(super) fn named(&self, name: &str) -> Option<usize> {
        self.by_name
            .get(name)?
            .iter()
            .rev()
            .copied()
            .find(|&i| self.persons[i].name == name)
    }

    /// People with this last name (any ASCII case), latest first.
    fn with_last(&self, last: &str) -> impl Iterator<Item = usize> + '_ {
        self.by_last
            .get(&last.to_ascii_lowercase())
            .into_iter()
            .flat_map(|v| v.iter().rev().copied())
    }

    pub(super) fn known_last(&self, word: &str) -> Option<usize> {
        self.with_last(word).next()
    }

    /// The last person with this role, if anyone has had it.
    pub(super) fn holder(&self, role: &str) -> Option<usize> {
        self.by_role.get(role).and_then(|v| v.iter().max().copied())
    }

    /// The last person with this role, or the last person.
    pub(super) fn by_role(&self, role: &str) -> Option<usize> {
        self.by_role
            .get(role)
            .and_then(|v| v.iter().max().copied())
            .or(self.last)
    }
}

/// Finds person mentions in a sentence (names with their roles) and registers them.
pub(super) fn scan_people(
    text: &str,
    tokens: &[Token],
    people: &mut People,
    lex: &Lexicons,
) -> Vec<(usize, usize, usize)> {
    let mut out = Vec::new(); // (token start, token end exclusive, person)
    let mut k = 0;
    while k < tokens.len() {
        // a run of capitalised words
        let mut j = k;
        while j < tokens.len()
            && tokens[j].capitalized
            && text[tokens[j].start..tokens[j].end]
                .chars()
                .any(char::is_lowercase)
            && (j == k
                || text[tokens[j - 1].end..tokens[j].start]
                    .chars()
                    .all(char::is_whitespace))
        {
            j += 1;
        }
        if j == k {
            k += 1;
            continue;
        }
        let run = &tokens[k..j];
        let mut roles: Vec<String> = Vec::new();
        // roles written before the run in lower case ("regional governor Oleh Syniehubov")
        let mut r = k;
        while r > 0 && lex.person_roles.contains_key(&tokens[r - 1].lower) {
            roles.push(tokens[r - 1].lower.clone());
            r -= 1;
        }
        let names: Vec<&Token> = run
            .iter()
            .filter(|t| {
                if lex.person_roles.contains_key(&t.lower) {
                    roles.push(t.lower.clone());
                    false
                } else {
                    is_cap(t, lex)
                }
            })
            .collect();
        // keep the trailing contiguous name words ("Vladimir Putin" out of "Russian President Vladimir Putin")
        let tail: Vec<&Token> = {
            let mut v: Vec<&Token> = Vec::new();
            for t in run.iter().rev() {
                if names.iter().any(|n| n.start == t.start) {
                    v.push(t);
                } else {
                    break;
                }
            }
            v.reverse();
            v
        };
        let next_is_verb = tokens
            .get(j)
            .is_some_and(|t| lex.verb_form(&t.lower).is_some());
        // "…," said Putin: a name after a finite reporting verb (not "saying Russia had …")
        let prev_is_verb = k > 0
            && !tokens[k - 1].lower.ends_with("ing")
            && lex.verb_form(&tokens[k - 1].lower).is_some()
            && text[..tokens[k - 1].start]
                .trim_end()
                .ends_with([',', '"', '”', '’', '\'']);
        let accept = match tail.len() {
            0 => false,
            1 => {
                let w = text[tail[0].start..tail[0].end]
                    .trim_end_matches("'s")
                    .trim_end_matches("’s");
                // a lone word next to a reporting verb is a name unless the article uses it
                // as a place ("in Russia" ... "Russia said")
                let place = people.places.contains(&w.to_lowercase());
                !roles.is_empty()
                    || people.known_last(w).is_some()
                    || ((next_is_verb || prev_is_verb) && !place)
            }
            _ => tail.len() <= 4,
        };
        // a lone capitalised word opening the sentence is a name only if we know it
        let lone_opener = k == 0
            && tail.len() == 1
            && roles.is_empty()
            && people
                .known_last(&text[tail[0].start..tail[0].end])
                .is_none()
            && (!next_is_verb || tail[0].lower.ends_with('s'));
        if accept && !lone_opener {
            let name = tail
                .iter()
                .map(|t| {
                    text[t.start..t.end]
                        .trim_end_matches("'s")
                        .trim_end_matches("’s")
                })
                .collect::<Vec<_>>()
                .join(" ");
            let roles = roles
                .iter()
                .map(|r| role_name(lex, r).to_string())
                .collect();
            let p = people.add(&name, roles);
            // the words before the name that describe the person: capitalised words and roles
            let mut d = k;
            while d > 0
                && k - d < 6
                && (tokens[d - 1].capitalized
                    || lex.person_roles.contains_key(&tokens[d - 1].lower)
                    || lex.group_speakers.contains(&tokens[d - 1].lower))
                && text[tokens[d - 1].end..tokens[d].start]
                    .chars()
                    .all(|c| c.is_whitespace() || c == '.')
            {
                d -= 1;
            }
            let first_name_token = tail.first().map_or(k, |t| {
                tokens.iter().position(|x| x.start == t.start).unwrap_or(k)
            });
            let desc = if d < first_name_token {
                text[tokens[d].start..tokens[first_name_token - 1].end]
                    .trim()
                    .to_string()
            } else {
                String::new()
            };
            if desc.split_whitespace().count() >= 2
                || desc.chars().filter(|c| c.is_uppercase()).count() >= 2
            {
                people.persons[p].described = Some(desc);
            }
            out.push((k, j, p));
        }
        k = j;
    }
    out
}
