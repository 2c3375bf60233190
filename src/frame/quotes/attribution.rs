//! Attribution of a quote: the reporting verb and the subject around it, after the quote
//! ("…," Putin said / said Putin), before it (Putin described the plan as a "…"), in a participle
//! clause, or "according to" someone; pronouns and role nouns resolve to a person.

use super::people::{Mention, PREPOSITIONS, PRONOUNS, People, main_clause_start, role_name};
use crate::frame::VerbClass;
use crate::frame::lexicon::Lexicons;
use crate::text::tokens::Token;

/// Everything an attribution looks at: the sentence, its quotes and mentions, and what the
/// article said before.
pub(super) struct Attribution<'a> {
    pub text: &'a str,
    pub tokens: &'a [Token],
    /// All quoted spans of the sentence.
    pub spans: &'a [(usize, usize)],
    /// People and groups named in the sentence, outside quotes.
    pub mentions: &'a [Mention],
    pub people: &'a People,
    /// The person named last before this sentence.
    pub before_sentence: Option<usize>,
    /// The speaker of the latest attributed quote, for a few sentences.
    pub recent_speaker: &'a Option<String>,
    /// The subject of the latest sentence that named one.
    pub last_subject: &'a Option<String>,
    pub lex: &'a Lexicons,
}

impl Attribution<'_> {
    /// The speaker named from token `from` on, within a few words ("according to the governor",
    /// "reported by Reuters"): a person or group named there, or a role noun or pronoun
    /// resolved to a person.
    pub(super) fn speaker_from(&self, from: usize) -> Option<String> {
        let tokens = self.tokens;
        let first = tokens.get(from)?;
        let limit = tokens.get(from + 6).map_or(self.text.len(), |t| t.start);
        if let Some(m) = self
            .mentions
            .iter()
            .find(|m| m.start >= first.start && m.start < limit)
        {
            return Some(m.speaker.clone());
        }
        (from..tokens.len().min(from + 4)).find_map(|k| {
            let t = &tokens[k];
            if PRONOUNS.contains(&t.lower.as_str()) {
                return self.resolve_pronoun();
            }
            self.lex
                .person_roles
                .contains_key(&t.lower)
                .then(|| self.people.by_role(role_name(self.lex, &t.lower)))
                .flatten()
                .map(|i| self.people.persons[i].name.clone())
        })
    }

    /// The subject of a verb whose subject is not next to it: a second verb of the sentence's
    /// subject ("Clinton praised Pelosi and said …": the first person named), or a subject with
    /// an apposition ("Matt Kibbe, the group's president, said …": the name before the commas).
    fn coordinated_or_apposed(&self, k: usize, floor: usize) -> Option<String> {
        let (text, tokens) = (self.text, self.tokens);
        let verb = tokens.get(k)?;
        // skip one adverb between subject and verb ("…, also said")
        let mut v = k;
        if v > 0 && (tokens[v - 1].lower == "also" || tokens[v - 1].lower.ends_with("ly")) {
            v -= 1;
        }
        let before = text[floor.min(tokens[v].start)..tokens[v].start].trim_end();
        let not_after_prep = |m: &&Mention| {
            !m.group
                && !tokens
                    .iter()
                    .rev()
                    .find(|x| x.end <= m.start)
                    .is_some_and(|x| PREPOSITIONS.contains(&x.lower.as_str()))
        };
        if v > 0 && matches!(tokens[v - 1].lower.as_str(), "and" | "but") {
            let floor = floor.max(
                tokens
                    .get(main_clause_start(text, tokens))
                    .map_or(0, |t| t.start),
            );
            return self
                .mentions
                .iter()
                .filter(|m| m.start >= floor && m.end <= tokens[v - 1].start)
                .find(not_after_prep)
                .map(|m| m.speaker.clone());
        }
        if before.ends_with(',') {
            return self
                .mentions
                .iter()
                .filter(|m| m.start >= floor && m.end < verb.start)
                .filter(not_after_prep)
                .rfind(|m| {
                    let between = text[m.end..tokens[v].start].trim();
                    between.starts_with(',') && between.split_whitespace().count() <= 20
                })
                .map(|m| m.speaker.clone());
        }
        None
    }

    /// A pronoun with no person before it in the sentence: the subject of the sentence before,
    /// else the latest speaker, else the person named last.
    fn resolve_pronoun(&self) -> Option<String> {
        self.last_subject
            .clone()
            .or_else(|| self.recent_speaker.clone())
            .or_else(|| {
                self.before_sentence
                    .map(|i| self.people.persons[i].name.clone())
            })
    }

    /// Finds the reporting verb and subject around a quote: after it ("…," Putin said / said Putin)
    /// or before it (Putin described the plan as a “…”).
    pub(super) fn find(&self, span: (usize, usize)) -> Option<(Option<String>, String, VerbClass)> {
        let Attribution {
            text,
            tokens,
            spans,
            mentions,
            people,
            before_sentence,
            recent_speaker,
            last_subject,
            lex,
        } = *self;
        let inside = |t: &Token| spans.iter().any(|s| t.start >= s.0 && t.end <= s.1);
        let verb_at = |k: usize| -> Option<(String, VerbClass)> {
            let t = &tokens[k];
            if inside(t) {
                return None;
            }
            let e = lex.verb_form(&t.lower)?;
            e.verb_class.map(|c| (text[t.start..t.end].to_string(), c))
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
            if lex.person_roles.contains_key(&t.lower) {
                // "the president": whoever holds the role; "the Russian leader" with no one
                // called leader yet: the subject of the sentence before, as a reader takes it
                return people
                    .holder(role_name(lex, &t.lower))
                    .map(|i| people.persons[i].name.clone())
                    .or_else(|| last_subject.clone())
                    .or_else(|| people.last.map(|i| people.persons[i].name.clone()));
            }
            None
        };
        let resolve_word_at = |k: usize| resolve_word(k);
        // the nearest subject candidate before token `k` (pronoun, role noun or mention), within 8 tokens
        let subject_before = |k: usize, floor: usize| -> Option<String> {
            if let Some(sp) = self.coordinated_or_apposed(k, floor) {
                return Some(sp);
            }
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
                    // "President Koll of Northland said": not the name after a preposition
                    let after_prep = tokens
                        .iter()
                        .rev()
                        .find(|x| x.end <= m.start)
                        .is_some_and(|x| PREPOSITIONS.contains(&x.lower.as_str()));
                    if !after_prep || m.group {
                        return Some(m.speaker.clone());
                    }
                    continue;
                }
                let after_the = (1..=3).any(|d| j >= d && tokens[j - d].lower == "the");
                if PRONOUNS.contains(&t.lower.as_str())
                    || (lex.person_roles.contains_key(&t.lower) && after_the)
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
                // "…” and vowing to …": the participle goes on with the sentence's subject; the
                // attribution is before the quote
                if tokens[k].lower.ends_with("ing") && k > 0 && tokens[k - 1].lower == "and" {
                    break;
                }
                // "…," Putin said  |  "…," he said  |  "…," said Putin  |  "…," the spokesman said
                let subject = speaker_near(span.1, tokens[k].start)
                    .or_else(|| after[..n].iter().rev().find_map(|&b| resolve_word(b)))
                    .or_else(|| subject_before(k, span.1))
                    .or_else(|| {
                        // four words on, not the rest of the sentence ("…" and vowing to … for
                        // her rival Bernie Sanders)
                        let end = tokens.get(k + 4).map_or(text.len(), |e| e.end);
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
        if let Some(m) = mentions.iter().find(|m| {
            m.start >= span.1 && text[span.1..m.start].chars().all(|c| !c.is_alphanumeric())
        }) {
            let limit = spans
                .iter()
                .map(|s| s.0)
                .find(|&s| s >= m.end)
                .unwrap_or(text.len());
            for k in
                (0..tokens.len()).filter(|&k| tokens[k].start >= m.end && tokens[k].end <= limit)
            {
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
                let main_subject = (main_clause_start(text, tokens)..k).find_map(|j| {
                    let t = &tokens[j];
                    if inside(t) {
                        return None;
                    }
                    if let Some(m) = mentions
                        .iter()
                        .find(|m| !m.group && t.start >= m.start && t.end <= m.end)
                    {
                        let after_prep =
                            j > 0 && PREPOSITIONS.contains(&tokens[j - 1].lower.as_str());
                        return (!after_prep).then(|| m.speaker.clone());
                    }
                    let the_role = lex.person_roles.contains_key(&t.lower)
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
}
