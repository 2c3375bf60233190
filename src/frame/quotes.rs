//! Direct quotations with speaker and reporting verb: straight and curly quotes, quotes that
//! run over several sentences, quotes broken by an attribution, partial quotes and scare quotes.
//! Pronouns and role nouns ("he", "the president", "the spokesman") resolve to the last fitting
//! named person.

use super::lexicon::Lexicons;
use super::{Quote, VerbClass, verbs};
use crate::model::{Article, ArticleId};
use crate::text::analyzer::ArticleTokens;
use crate::text::tokens::Token;

/// Words that name a role in front of a person's name, or stand for a person ("the spokesman").
const ROLES: &[&str] = &[
    "president",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "minister",
    "governor",
    "leader",
    "secretary",
    "senator",
    "sen",
    "rep",
    "representative",
    "chancellor",
    "chief",
    "general",
    "gen",
    "premier",
    "prime",
    "ambassador",
    "mayor",
    "judge",
    "director",
    "commander",
    "adviser",
    "advisor",
    "aide",
    "chairman",
    "chairwoman",
    "congressman",
    "congresswoman",
    "gov",
    "mr",
    "mrs",
    "ms",
    "dr",
    "king",
    "queen",
    "pope",
    "prosecutor",
    "lawyer",
    "attorney",
    "professor",
    "analyst",
    "ceo",
    "official",
    "envoy",
    "candidate",
    "nominee",
    "speaker",
    "justice",
];

/// Capitalised words that are not (parts of) person names.
const NOT_NAMES: &[&str] = &[
    "the",
    "a",
    "an",
    "he",
    "she",
    "it",
    "they",
    "we",
    "i",
    "in",
    "on",
    "at",
    "but",
    "and",
    "as",
    "after",
    "when",
    "while",
    "if",
    "this",
    "that",
    "these",
    "those",
    "his",
    "her",
    "their",
    "our",
    "its",
    "white",
    "house",
    "court",
    "international",
    "criminal",
    "kremlin",
    "ministry",
    "department",
    "united",
    "states",
    "nations",
    "russia",
    "russian",
    "ukraine",
    "ukrainian",
    "america",
    "american",
    "washington",
    "moscow",
    "kyiv",
    "europe",
    "european",
    "union",
    "nato",
    "congress",
    "senate",
    "parliament",
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
    "democrats",
    "republicans",
    "democrat",
    "republican",
    "gop",
    "news",
    "times",
    "post",
    "cnn",
    "reuters",
    "ap",
    "twitter",
    "facebook",
    "speaking",
    "of",
    "meanwhile",
    "still",
    "yet",
    "also",
    "however",
    "according",
    "state",
    "city",
    "county",
    "north",
    "south",
    "east",
    "west",
    "new",
    "york",
    "general",
    "staff",
    "supreme",
    "federal",
    "national",
    "committee",
    "office",
    "party",
    "swiss",
    "switzerland",
    "western",
    "observers",
    "officials",
    "defence",
    "defense",
    "agency",
    "security",
    "council",
    "commission",
    "bureau",
    "institute",
    "university",
    "company",
    "corporation",
    "group",
    "association",
    "foundation",
    "center",
    "centre",
    "network",
    "journal",
    "magazine",
    "medicare",
    "medicaid",
    "obamacare",
    "capitol",
    "hill",
    "street",
    "avenue",
    "airport",
    "county",
    "service",
    "coalition",
    "partiers",
    "family",
    "revenue",
    "internal",
    "administration",
    "campaign",
    "fellow",
    "st",
    "saint",
];

const PRONOUNS: &[&str] = &["he", "she", "they"];

/// Nouns that name a group or institution that can speak ("the defence ministry said", "the
/// Obama campaign said", "Democrats said").
const GROUP_SPEAKERS: &[&str] = &[
    "ministry",
    "kremlin",
    "officials",
    "staff",
    "government",
    "office",
    "police",
    "court",
    "campaign",
    "ad",
    "committee",
    "party",
    "lawmakers",
    "democrats",
    "republicans",
    "coalition",
    "group",
    "organization",
    "organisation",
    "association",
    "union",
    "company",
    "companies",
    "administration",
    "department",
    "agency",
    "council",
    "spokesmen",
    "aides",
    "advocates",
    "activists",
    "protesters",
    "protestors",
    "critics",
    "supporters",
    "senators",
    "members",
];

/// A person mentioned in an article.
#[derive(Debug, Clone, PartialEq)]
struct Person {
    name: String,
    last: String,
    roles: Vec<String>,
    /// The title or affiliation written before the name ("St. Louis Tea Party organizer").
    described: Option<String>,
}

/// A mention found in a sentence: where, and whom it names (index into the person list), or
/// a group speaker ("the defence ministry").
#[derive(Debug, Clone)]
struct Mention {
    start: usize,
    end: usize,
    speaker: String,
    /// A group or institution ("the defence ministry"), not a person.
    group: bool,
}

fn is_cap(t: &Token) -> bool {
    t.capitalized
        && !NOT_NAMES.contains(&t.lower.as_str())
        && !crate::text::tokens::is_stopword(&t.lower)
        && !t.lower.starts_with("i'")
        && !t.lower.contains('-')
}

/// Role words written in short.
fn role_name(word: &str) -> &str {
    match word {
        "gov" => "governor",
        "sen" => "senator",
        "rep" => "representative",
        "gen" => "general",
        "spokeswoman" | "spokesperson" => "spokesman",
        other => other,
    }
}

/// Prepositions after which a name is not the subject of the sentence ("Of Obama, he said").
const PREPOSITIONS: &[&str] = &[
    "of", "at", "on", "about", "to", "with", "against", "for", "from", "by", "toward", "towards",
];

/// Tracks the people of an article in reading order.
#[derive(Default)]
struct People {
    persons: Vec<Person>,
    /// Index of the person mentioned last.
    last: Option<usize>,
}

impl People {
    fn add(&mut self, name: &str, roles: Vec<String>) -> usize {
        let roles: Vec<String> = roles.iter().map(|r| role_name(r).to_string()).collect();
        let last = name.split_whitespace().last().unwrap_or(name).to_string();
        let full = name.contains(' ');
        // the same full name; or a bare last name for someone known; or a full name for someone
        // known only by last name (family members stay apart: "Sasha Obama" is not "Barack Obama")
        let found = if full {
            self.persons
                .iter()
                .rposition(|p| p.name == name)
                .or_else(|| {
                    self.persons
                        .iter()
                        .rposition(|p| !p.name.contains(' ') && p.last.eq_ignore_ascii_case(&last))
                })
        } else {
            self.persons
                .iter()
                .rposition(|p| p.last.eq_ignore_ascii_case(&last))
        };
        if let Some(i) = found {
            if full && !self.persons[i].name.contains(' ') {
                self.persons[i].name = name.to_string();
            }
            for r in roles {
                if !self.persons[i].roles.contains(&r) {
                    self.persons[i].roles.push(r);
                }
            }
            self.last = Some(i);
            return i;
        }
        self.persons.push(Person {
            name: name.to_string(),
            last,
            roles,
            described: None,
        });
        self.last = Some(self.persons.len() - 1);
        self.persons.len() - 1
    }

    fn known_last(&self, word: &str) -> Option<usize> {
        self.persons
            .iter()
            .rposition(|p| p.last.eq_ignore_ascii_case(word))
    }

    /// The last person with this role, or the last person.
    fn by_role(&self, role: &str) -> Option<usize> {
        self.persons
            .iter()
            .rposition(|p| p.roles.iter().any(|r| r == role))
            .or(self.last)
    }
}

/// Finds person mentions in a sentence (names with their roles) and registers them.
fn scan_people(
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
        while r > 0 && ROLES.contains(&tokens[r - 1].lower.as_str()) {
            roles.push(tokens[r - 1].lower.clone());
            r -= 1;
        }
        let names: Vec<&Token> = run
            .iter()
            .filter(|t| {
                if ROLES.contains(&t.lower.as_str()) {
                    roles.push(t.lower.clone());
                    false
                } else {
                    is_cap(t)
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
        let prev_is_verb = k > 0 && lex.verb_form(&tokens[k - 1].lower).is_some();
        let accept = match tail.len() {
            0 => false,
            1 => {
                let w = text[tail[0].start..tail[0].end]
                    .trim_end_matches("'s")
                    .trim_end_matches("’s");
                !roles.is_empty() || next_is_verb || prev_is_verb || people.known_last(w).is_some()
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
            let p = people.add(&name, roles);
            // the words before the name that describe the person: capitalised words and roles
            let mut d = k;
            while d > 0
                && k - d < 6
                && (tokens[d - 1].capitalized
                    || ROLES.contains(&tokens[d - 1].lower.as_str())
                    || GROUP_SPEAKERS.contains(&tokens[d - 1].lower.as_str())
                    || tokens[d - 1].lower == "organizer")
                && text[tokens[d - 1].end..tokens[d].start]
                    .chars()
                    .all(|c| c.is_whitespace() || c == '.')
            {
                d -= 1;
            }
            let first_name_token = tail.first().map_or(k, |t| {
                tokens.iter().position(|x| x.start == t.start).unwrap_or(k)
            });
            let mut desc = if d < first_name_token {
                text[tokens[d].start..tokens[first_name_token - 1].end]
                    .trim()
                    .to_string()
            } else {
                String::new()
            };
            // a party tag after a lawmaker's name: "Rep. Elijah Cummings, D-Md." / "(R-Minn.)"
            let after = &text[tokens[j - 1].end..];
            let tag = after.trim_start_matches([',', ' ', '(']);
            let party = if tag.starts_with("D-") {
                Some("Democratic")
            } else if tag.starts_with("R-") {
                Some("Republican")
            } else {
                None
            };
            if let Some(party) = party {
                let lawmaker = people.persons[p].roles.iter().any(|r| {
                    matches!(
                        r.as_str(),
                        "representative" | "senator" | "congressman" | "congresswoman"
                    )
                });
                desc = format!("{desc} {party}{}", if lawmaker { " lawmaker" } else { "" })
                    .trim()
                    .to_string();
            }
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

/// Quoted spans of a sentence as byte ranges including the marks. A quote still open at the end
/// of the sentence is closed there and reported as continuing.
fn quote_spans(text: &str, open_at_start: bool) -> (Vec<(usize, usize)>, bool) {
    let mut spans = Vec::new();
    let mut open: Option<usize> = if open_at_start { Some(0) } else { None };
    for (i, c) in text.char_indices() {
        match c {
            '“' if open.is_none() => open = Some(i),
            '”' => {
                if let Some(s) = open.take() {
                    spans.push((s, i + c.len_utf8()));
                }
            }
            '"' => match open.take() {
                Some(s) => spans.push((s, i + 1)),
                None => open = Some(i),
            },
            _ => {}
        }
    }
    match open {
        Some(s) if s + 1 < text.len() => {
            spans.push((s, text.len()));
            (spans, true)
        }
        _ => (spans, false),
    }
}

/// Finds the reporting verb and subject around a quote: after it ("…," Putin said / said Putin)
/// or before it (Putin described the plan as a “…”).
#[allow(clippy::too_many_arguments)]
fn attribution(
    text: &str,
    tokens: &[Token],
    span: (usize, usize),
    spans: &[(usize, usize)],
    mentions: &[Mention],
    people: &People,
    before_sentence: Option<usize>,
    recent_speaker: &Option<String>,
    last_subject: &Option<String>,
    lex: &Lexicons,
) -> Option<(Option<String>, String, VerbClass)> {
    let inside = |t: &Token| spans.iter().any(|s| t.start >= s.0 && t.end <= s.1);
    let verb_at = |k: usize| -> Option<(String, VerbClass)> {
        let t = &tokens[k];
        if inside(t) {
            return None;
        }
        lex.verb_form(&t.lower)
            .and_then(|e| e.verb_class.map(|c| (text[t.start..t.end].to_string(), c)))
    };
    let resolve_word = |k: usize| -> Option<String> {
        let t = &tokens[k];
        if PRONOUNS.contains(&t.lower.as_str()) {
            let after_preposition = |m: &Mention| {
                tokens
                    .iter()
                    .rev()
                    .find(|x| x.end <= m.start)
                    .is_some_and(|x| PREPOSITIONS.contains(&x.lower.as_str()))
            };
            if let Some(m) = mentions
                .iter()
                .find(|m| m.end <= t.start && !m.group && !after_preposition(m))
            {
                return Some(m.speaker.clone());
            }
            return last_subject
                .clone()
                .or_else(|| recent_speaker.clone())
                .or_else(|| before_sentence.map(|i| people.persons[i].name.clone()));
        }
        if ROLES.contains(&t.lower.as_str()) {
            return people
                .by_role(role_name(&t.lower))
                .map(|i| people.persons[i].name.clone());
        }
        None
    };
    let resolve_word_at = |k: usize| resolve_word(k);
    // the nearest subject candidate before token `k` (pronoun, role noun or mention), within 8 tokens
    let subject_before = |k: usize, floor: usize| -> Option<String> {
        let mut j = k;
        let mut steps = 0;
        while j > 0 && steps < 8 {
            j -= 1;
            steps += 1;
            let t = &tokens[j];
            if t.start < floor {
                break;
            }
            if let Some(m) = mentions
                .iter()
                .find(|m| m.end == t.end || (t.start >= m.start && t.end <= m.end))
            {
                return Some(m.speaker.clone());
            }
            let after_the = (1..=3).any(|d| j >= d && tokens[j - d].lower == "the");
            if PRONOUNS.contains(&t.lower.as_str())
                || (ROLES.contains(&t.lower.as_str()) && after_the)
            {
                return resolve_word_at(j);
            }
        }
        None
    };
    let speaker_near = |from: usize, to: usize| -> Option<String> {
        // the last mention whose start lies in [from, to)
        mentions
            .iter()
            .rev()
            .find(|m| m.start >= from && m.start < to)
            .map(|m| m.speaker.clone())
    };
    // after the quote: up to 6 tokens, before the next quote
    let after: Vec<usize> = (0..tokens.len())
        .filter(|&k| tokens[k].start >= span.1 && !inside(&tokens[k]))
        .take(6)
        .collect();
    let next_quote = spans
        .iter()
        .map(|s| s.0)
        .find(|&s| s >= span.1)
        .unwrap_or(text.len());
    for (n, &k) in after.iter().enumerate() {
        if tokens[k].start > next_quote {
            break;
        }
        if let Some((verb, class)) = verb_at(k) {
            // "…," Putin said  |  "…," he said  |  "…," said Putin  |  "…," the spokesman said
            let subject = speaker_near(span.1, tokens[k].start)
                .or_else(|| after[..n].iter().rev().find_map(|&b| resolve_word(b)))
                .or_else(|| subject_before(k, span.1))
                .or_else(|| {
                    let end = after.get(n + 4).map_or(text.len(), |&e| tokens[e].end);
                    speaker_near(tokens[k].end, end)
                })
                .or_else(|| {
                    after
                        .get(n + 1..n + 3)
                        .and_then(|rest| rest.iter().find_map(|&b| resolve_word(b)))
                });
            if subject.is_some() {
                return Some((subject, verb, class));
            }
            // "…”, saying …": the speaker goes on; the attribution is before the quote
            break;
        }
    }
    // "…," Michael Bloomberg, the former mayor, said: a name right after the quote, verb later
    if let Some(m) = mentions
        .iter()
        .find(|m| m.start >= span.1 && text[span.1..m.start].chars().all(|c| !c.is_alphanumeric()))
    {
        let limit = spans
            .iter()
            .map(|s| s.0)
            .find(|&s| s >= m.end)
            .unwrap_or(text.len());
        for k in (0..tokens.len()).filter(|&k| tokens[k].start >= m.end && tokens[k].end <= limit) {
            if let Some((verb, class)) = verb_at(k) {
                return Some((Some(m.speaker.clone()), verb, class));
            }
        }
    }
    // before the quote: the last reporting verb since the previous quote
    let prev_quote_end = spans
        .iter()
        .map(|s| s.1)
        .filter(|&e| e <= span.0)
        .max()
        .unwrap_or(0);
    let before: Vec<usize> = (0..tokens.len())
        .filter(|&k| {
            tokens[k].start >= prev_quote_end && tokens[k].end <= span.0 && !inside(&tokens[k])
        })
        .collect();
    for &k in before.iter().rev() {
        if let Some((verb, class)) = verb_at(k) {
            // "…, claiming that …": a participle clause shares the sentence's subject
            let participle = tokens[k].lower.ends_with("ing")
                && k > 0
                && text[tokens[k - 1].end..tokens[k].start].contains(',');
            let main_subject = (0..k).find_map(|j| {
                let t = &tokens[j];
                if let Some(m) = mentions
                    .iter()
                    .find(|m| !m.group && t.start >= m.start && t.end <= m.end)
                {
                    let after_prep = j > 0 && PREPOSITIONS.contains(&tokens[j - 1].lower.as_str());
                    return (!after_prep).then(|| m.speaker.clone());
                }
                let the_role = ROLES.contains(&t.lower.as_str())
                    && (1..=3).any(|d| j >= d && tokens[j - d].lower == "the");
                if PRONOUNS.contains(&t.lower.as_str()) || the_role {
                    return resolve_word(j);
                }
                None
            });
            if participle && main_subject.is_some() {
                return Some((main_subject, verb, class));
            }
            let subject = subject_before(k, prev_quote_end)
                .or_else(|| speaker_near(prev_quote_end, tokens[k].start))
                .or_else(|| speaker_near(tokens[k].end, span.0));
            return Some((subject, verb, class));
        }
    }
    // "According to Kirby, “…”"
    let lower = text[prev_quote_end..span.0].to_lowercase();
    if lower.contains("according to") {
        let subject = speaker_near(prev_quote_end, span.0);
        return Some((subject, "according to".into(), VerbClass::Neutral));
    }
    None
}

/// Extracts the quotes of an article.
pub fn article_quotes(
    id: ArticleId,
    article: &Article,
    article_tokens: &ArticleTokens,
    lex: &Lexicons,
) -> Vec<Quote> {
    let mut out: Vec<Quote> = Vec::new();
    let mut people = People::default();
    let mut open = false;
    let mut paragraph = usize::MAX;
    let mut last_speaker: Option<(Option<String>, Option<String>, Option<VerbClass>)> = None;
    // the speaker of the latest attributed quote, for a few sentences
    let mut recent_speaker: Option<String> = None;
    let mut recent_at = 0usize;
    // the subject of the latest sentence that named one
    let mut last_subject: Option<String> = None;
    for s in &article.sentences {
        if s.paragraph != paragraph {
            paragraph = s.paragraph;
            open = false;
            last_speaker = None;
        }
        let text = &s.text;
        let tokens = article_tokens.sentence(s.index);
        let before_sentence = people.last;
        if s.index > recent_at + 3 {
            recent_speaker = None;
        }
        let found = scan_people(text, tokens, &mut people, lex);
        let mut mentions: Vec<Mention> = found
            .iter()
            .map(|&(a, b, p)| Mention {
                start: tokens[a].start,
                end: tokens[b - 1].end,
                speaker: people.persons[p].name.clone(),
                group: false,
            })
            .collect();
        // group speakers: "the defence ministry said", "officials said"
        for (k, t) in tokens.iter().enumerate() {
            if GROUP_SPEAKERS.contains(&t.lower.as_str())
                && !mentions
                    .iter()
                    .any(|m| t.start >= m.start && t.end <= m.end)
            {
                let from = k.saturating_sub(2);
                let phrase = text[tokens[from].start..t.end].to_string();
                mentions.push(Mention {
                    start: tokens[from].start,
                    end: t.end,
                    speaker: phrase,
                    group: true,
                });
            }
        }
        let (spans, still_open) = quote_spans(text, open);
        // names inside quotations are not the speakers
        mentions.retain(|m| !spans.iter().any(|q| m.start >= q.0 && m.end <= q.1));
        mentions.sort_by_key(|m| m.start);
        // the sentence's subject: the first person named outside a prepositional phrase
        let subject_here = tokens.iter().enumerate().find_map(|(j, t)| {
            if let Some(m) = mentions
                .iter()
                .find(|m| !m.group && t.start >= m.start && t.end <= m.end)
            {
                let after_prep = j > 0 && PREPOSITIONS.contains(&tokens[j - 1].lower.as_str());
                return (!after_prep && t.start == m.start).then(|| m.speaker.clone());
            }
            let the_role = ROLES.contains(&t.lower.as_str())
                && (1..=3).any(|d| j >= d && tokens[j - d].lower == "the");
            if the_role {
                return people
                    .by_role(role_name(&t.lower))
                    .map(|i| people.persons[i].name.clone());
            }
            None
        });
        let continued_from_before = open;
        open = still_open;
        for (n, &span) in spans.iter().enumerate() {
            let inner = text[span.0..span.1]
                .trim_matches(|c: char| matches!(c, '"' | '“' | '”') || c.is_whitespace());
            if inner.is_empty() {
                continue;
            }
            let words = inner.split_whitespace().count();
            let attributed = attribution(
                text,
                tokens,
                span,
                &spans,
                &mentions,
                &people,
                before_sentence,
                &recent_speaker,
                &last_subject,
                lex,
            );
            let same_sentence = out
                .iter()
                .rev()
                .find(|q| q.sentence == s.index && q.article == id && q.speaker.is_some())
                .and_then(|q| q.speaker.clone());
            let attributed = attributed.map(|(sp, v, c)| (sp.or(same_sentence), v, c));
            let (speaker, verb, class) = match attributed {
                Some((speaker, verb, class)) => (speaker, Some(verb), Some(class)),
                None => {
                    // a quote that opens the sentence right after an attributed one continues it
                    let continues = n == 0 && (span.0 == 0 || continued_from_before);
                    match (&last_speaker, continues) {
                        (Some((sp, v, c)), true) => (sp.clone(), v.clone(), *c),
                        // a whole quoted sentence with no attribution: the last person mentioned
                        _ if (words >= 5
                            || span.1 == text.len()
                            || (n + 1 == spans.len() && still_open))
                            && (span.0 == 0 || continued_from_before) =>
                        {
                            (
                                recent_speaker.clone().or_else(|| {
                                    before_sentence
                                        .or(people.last)
                                        .map(|i| people.persons[i].name.clone())
                                }),
                                None,
                                None,
                            )
                        }
                        _ => (None, None, None),
                    }
                }
            };
            let scare = speaker.is_none() && verb.is_none() && words <= 4;
            let note = match (class, scare) {
                (_, true) => "Quotation marks around a few words with no speaker (scare quotes) distance the writer from the words.".to_string(),
                (Some(c), _) => format!(
                    "Reported with “{}” ({}), which {}.",
                    verb.as_deref().unwrap_or(""),
                    verbs::class_name(c),
                    verbs::class_effect(c)
                ),
                (None, _) => "A quotation whose speaker the sentence does not name.".to_string(),
            };
            if speaker.is_some() || verb.is_some() {
                last_speaker = Some((speaker.clone(), verb.clone(), class));
            }
            if speaker.is_some() && verb.is_some() {
                recent_speaker = speaker.clone();
                recent_at = s.index;
            }
            let speaker_role = speaker
                .as_deref()
                .and_then(|sp| people.persons.iter().rev().find(|p| p.name == sp))
                .and_then(|p| p.described.clone());
            out.push(Quote {
                article: id,
                sentence: s.index,
                text: inner.to_string(),
                speaker_role,
                speaker,
                verb,
                verb_class: class,
                scare,
                start: span.0,
                end: span.1,
                note,
            });
        }
        if subject_here.is_some() {
            last_subject = subject_here;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Format;

    fn quotes(body: &str) -> Vec<Quote> {
        let a = Article::from_body("t.txt", Format::Text, "T".into(), body);
        article_quotes(
            ArticleId(0),
            &a,
            &ArticleTokens::of(&a),
            &Lexicons::builtin(),
        )
    }

    fn who(q: &Quote) -> (&str, &str) {
        (
            q.speaker.as_deref().unwrap_or("-"),
            q.verb.as_deref().unwrap_or("-"),
        )
    }

    #[test]
    fn attribution_after_and_before() {
        let q = quotes(
            "Russian President Vladimir Putin spoke on Thursday. \"It can be a starting point,\" Putin said. He dismissed the summit as “pointless”.",
        );
        assert_eq!(q.len(), 2);
        assert_eq!(who(&q[0]), ("Vladimir Putin", "said"));
        assert_eq!(who(&q[1]), ("Vladimir Putin", "dismissed"));
        assert_eq!(q[1].verb_class, Some(VerbClass::Dismissive));
        assert_eq!(q[1].text, "pointless");
        assert!(!q[1].scare);
    }

    #[test]
    fn partial_quote_with_described_and_confirmed() {
        let q = quotes(
            "Putin described the plan as a “starting point”. White House spokesman John Kirby confirmed Washington had shared a framework for “de-escalation and talks”.",
        );
        assert_eq!(who(&q[0]), ("Putin", "described"));
        assert_eq!(who(&q[1]), ("John Kirby", "confirmed"));
        assert_eq!(q[1].verb_class, Some(VerbClass::Endorsing));
    }

    #[test]
    fn pronouns_and_roles_resolve_to_the_last_fitting_person() {
        let q = quotes(
            "Kremlin spokesman Dmitry Peskov spoke first. Later, Ukrainian President Volodymyr Zelensky arrived. \"Peace cannot mean rewarding the aggressor,\" he told reporters. \"Every shipment delays peace,\" the spokesman said.",
        );
        assert_eq!(who(&q[0]), ("Volodymyr Zelensky", "told"));
        assert_eq!(who(&q[1]), ("Dmitry Peskov", "said"));
    }

    #[test]
    fn broken_and_multi_sentence_quotes() {
        let q = quotes(
            "\"We are ready,\" Putin said, \"but the conditions stand.\"\n\n\"We have studied the framework. It is a start,\" the president said. \"Nothing more.\"",
        );
        assert_eq!(q.len(), 4, "{q:#?}");
        assert_eq!(who(&q[0]), ("Putin", "said"));
        assert_eq!(who(&q[1]), ("Putin", "said"));
        assert_eq!(who(&q[2]).0, "Putin");
        assert_eq!(who(&q[3]).0, "Putin", "continuation of the same speaker");
    }

    #[test]
    fn unattributed_short_quotes_are_scare_quotes() {
        let q = quotes("The so-called “peace plan” was met with silence.");
        assert_eq!(q.len(), 1);
        assert!(q[0].scare);
        assert_eq!(q[0].speaker, None);
    }

    #[test]
    fn distancing_verb_with_inverted_subject() {
        let q = quotes("\"The offensive is going to plan,\" claimed Sergei Shoigu.");
        assert_eq!(who(&q[0]), ("Sergei Shoigu", "claimed"));
        assert_eq!(q[0].verb_class, Some(VerbClass::Distancing));
    }
}
