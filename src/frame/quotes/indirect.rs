//! Reported speech without quotation marks: where a sentence gives someone's words in the
//! writer's own ("Vance said (that) …", "…, the ministry said.", "according to Okafor, …", "it was
//! reported by the agency that …", "He added that …"). This file finds the reported clause and
//! the reporting verb; the speaker is resolved like a quotation's (see `attribution.rs`).

use super::people::PREPOSITIONS;
use crate::frame::lexicon::Lexicons;
use crate::text::tokens::Token;

/// Reporting verbs (by their lexicon entry) that introduce a reported clause: the verbs of
/// saying and asserting in English grammars (Quirk et al., *A Comprehensive Grammar of the
/// English Language*, 1985, §16.31 and §14.30: "verbs of saying" taking a that-clause). Verbs
/// that report a naming or a reaction ("called", "described", "dismissed") take an object, not a
/// clause, and are left out.
const CLAUSE_VERBS: &[&str] = &[
    "say",
    "said",
    "says",
    "tell",
    "told",
    "add",
    "note",
    "explain",
    "write",
    "wrote",
    "announce",
    "warn",
    "stress",
    "claim",
    "allege",
    "insist",
    "contend",
    "maintain",
    "assert",
    "confirm",
    "reveal",
    "acknowledge",
    "admit",
    "concede",
    "deny",
    "argue",
    "predict",
    "promise",
    "pledge",
    "declare",
    "report",
    "testify",
    "recall",
    "complain",
    "vow",
    "stated",
    "charge",
];

/// How the reported clause and its attribution are arranged.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Form {
    /// Speaker and verb before the clause: "X said (that) …", "He added that …".
    Before,
    /// The clause first: "…, X said." / "…, said X."
    After,
    /// "according to X, …" or "…, according to X."
    According,
    /// "it was reported by X that …": the speaker after "by".
    Passive,
}

/// A reported clause found in a sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Reported {
    /// Byte range of the reported clause within the sentence.
    pub span: (usize, usize),
    pub form: Form,
    /// The reporting verb's token (none for "according to").
    pub verb: Option<usize>,
    /// The first token of the attribution phrase after "according to" or "by".
    pub speaker_from: Option<usize>,
}

fn is_clause_verb(lex: &Lexicons, t: &Token) -> bool {
    lex.verb_form(&t.lower)
        .is_some_and(|e| e.verb_class.is_some() && CLAUSE_VERBS.contains(&e.phrase.as_str()))
}

/// Words that can open a clause's subject right after a verb of saying ("said the plan …",
/// "said he would …", "said Russia had …").
const CLAUSE_OPENERS: &[&str] = &[
    "the", "a", "an", "this", "these", "those", "his", "her", "its", "their", "our", "he", "she",
    "it", "they", "we", "i", "there", "no", "any", "some", "many", "most", "all", "both",
];

/// Pronouns that open a clause as its subject ("told reporters he would …").
const SUBJECT_PRONOUNS: &[&str] = &["he", "she", "it", "they", "we", "i", "there"];

/// Auxiliaries of a passive ("was reported by").
const PASSIVE_AUX: &[&str] = &["was", "were", "is", "are", "been", "be", "being"];

fn gap(text: &str, a: &Token, b: &Token) -> bool {
    text[a.end..b.start].contains([',', ';', ':', '(', ')', '—', '–'])
}

/// Reported clauses of a sentence. `quoted` are its quotation spans (with marks): a clause that
/// holds or touches a quotation is left to the quotation, which already gives that voice.
pub(super) fn reported_clauses(
    text: &str,
    tokens: &[Token],
    quoted: &[(usize, usize)],
    lex: &Lexicons,
) -> Vec<Reported> {
    let mut out = Vec::new();
    if tokens.len() < 4 || text.ends_with('?') {
        return out;
    }
    let inside = |t: &Token| quoted.iter().any(|q| t.start >= q.0 && t.end <= q.1);
    let end = text
        .trim_end_matches(|c: char| c.is_whitespace() || c == '.')
        .len();
    let free = |span: (usize, usize)| {
        span.0 < span.1
            && !quoted.iter().any(|q| q.0 < span.1 && q.1 > span.0)
            && text[span.0..span.1].split_whitespace().count() >= 4
    };
    let n = tokens.len();
    // "according to X, …" / "…, according to X."
    for k in 0..n.saturating_sub(2) {
        if tokens[k].lower != "according" || tokens[k + 1].lower != "to" || inside(&tokens[k]) {
            continue;
        }
        // the attribution phrase runs to the next comma or the end
        let phrase_end = (k + 2..n)
            .find(|&j| j + 1 < n && gap(text, &tokens[j], &tokens[j + 1]))
            .unwrap_or(n - 1);
        let span = if k == 0 {
            (tokens.get(phrase_end + 1).map_or(end, |t| t.start), end)
        } else if phrase_end + 1 >= n && k > 0 && gap(text, &tokens[k - 1], &tokens[k]) {
            (0, tokens[k - 1].end)
        } else {
            continue;
        };
        if free(span) {
            out.push(Reported {
                span,
                form: Form::According,
                verb: None,
                speaker_from: Some(k + 2),
            });
            return out;
        }
    }
    for k in 0..n {
        let t = &tokens[k];
        // "the claim that …", "to charges that …": after a determiner or a preposition the
        // word is a noun (or an infinitive, which reports no speech)
        let noun = k > 0
            && (lex.noun_markers.contains(&tokens[k - 1].lower)
                || PREPOSITIONS.contains(&tokens[k - 1].lower.as_str()));
        if inside(t) || noun || !is_clause_verb(lex, t) {
            continue;
        }
        // a participle reports the sentence's subject only after a comma ("…, saying that");
        // "the article alleging that …" reports the article
        let participle = t.lower.ends_with("ing");
        if participle && !(k > 0 && text[tokens[k - 1].end..t.start].contains(',')) {
            continue;
        }
        // "it was reported by X that …"
        if k > 0
            && PASSIVE_AUX.contains(&tokens[k - 1].lower.as_str())
            && tokens.get(k + 1).is_some_and(|b| b.lower == "by")
        {
            let that = (k + 2..n).find(|&j| tokens[j].lower == "that");
            let span = match that {
                Some(j) if j + 1 < n => (tokens[j + 1].start, end),
                _ if k >= 3 => (0, tokens[k - 2].end),
                _ => continue,
            };
            if free(span) {
                out.push(Reported {
                    span,
                    form: Form::Passive,
                    verb: Some(k),
                    speaker_from: Some(k + 2),
                });
                return out;
            }
            continue;
        }
        // "…, X said." / "…, said X.": the attribution closes the sentence after a comma
        let comma_before = (0..k)
            .rev()
            .take(5)
            .find(|&j| j < k && gap(text, &tokens[j], &tokens[j + 1]));
        let near_end =
            n - k <= 5 && !(k + 1..n).any(|j| gap(text, &tokens[j - 1], &tokens[j])) && !participle;
        // "…, which Moscow denies": a relative clause, not an attribution
        let relative = comma_before
            .and_then(|j| tokens.get(j + 1))
            .is_some_and(|x| {
                matches!(
                    x.lower.as_str(),
                    "which" | "who" | "whom" | "that" | "as" | "what" | "when" | "where"
                )
            });
        // "…, an accusation Moscow denies": a denial does not report the clause as said
        let denial = lex
            .verb_form(&t.lower)
            .is_some_and(|e| e.verb_class == Some(crate::frame::VerbClass::Dismissive));
        if let (Some(j), true, false, false) = (comma_before, near_end, relative, denial)
            && j >= 3
        {
            let span = (0, tokens[j].end);
            if free(span) {
                out.push(Reported {
                    span,
                    form: Form::After,
                    verb: Some(k),
                    speaker_from: None,
                });
                return out;
            }
        }
        // "X said (on Thursday) (that) …"; "told reporters (that) …"
        if k == 0 || participle {
            continue;
        }
        let that = (k + 1..(k + 7).min(n))
            .take_while(|&j| !gap(text, &tokens[j - 1], &tokens[j]))
            .take_while(|&j| j == k + 1 || lex.verb_form(&tokens[j].lower).is_none())
            // "said any plan that …": the clause has begun, "that" is a relative pronoun
            .take_while(|&j| !CLAUSE_OPENERS.contains(&tokens[j].lower.as_str()))
            .find(|&j| tokens[j].lower == "that");
        let lemma = lex.verb_form(&t.lower).map_or("", |e| e.phrase.as_str());
        let open = if let Some(j) = that {
            j + 1
        } else if matches!(lemma, "tell" | "told") {
            // "told reporters he would …": the person told, then a pronoun opening the clause
            match (k + 2..(k + 5).min(n))
                .find(|&j| SUBJECT_PRONOUNS.contains(&tokens[j].lower.as_str()))
            {
                Some(j) if !(k + 1..=j).any(|x| gap(text, &tokens[x - 1], &tokens[x])) => j,
                _ => continue,
            }
        } else if matches!(
            lemma,
            "say" | "said" | "says" | "add" | "warn" | "insist" | "argue" | "claim"
        ) && k + 1 < n
            && !gap(text, t, &tokens[k + 1])
            && (CLAUSE_OPENERS.contains(&tokens[k + 1].lower.as_str()) || tokens[k + 1].capitalized)
        {
            k + 1
        } else {
            continue;
        };
        if open >= n {
            continue;
        }
        // the clause runs to the end of the sentence; one that holds a quotation is the
        // quotation's voice
        let span = (tokens[open].start, end.max(tokens[open].start));
        if free(span) {
            out.push(Reported {
                span,
                form: Form::Before,
                verb: Some(k),
                speaker_from: None,
            });
            return out;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn clauses(text: &str) -> Vec<(String, Form)> {
        let tokens = crate::text::tokens::tokenize(text);
        let (spans, _) = super::super::spans::quote_spans(text, false);
        reported_clauses(text, &tokens, &spans, &Lexicons::builtin())
            .into_iter()
            .map(|r| (text[r.span.0..r.span.1].to_string(), r.form))
            .collect()
    }

    #[test]
    fn said_that_and_said_without_that() {
        assert_eq!(
            clauses("Putin said on Thursday that the plan could serve as a basis for talks."),
            vec![(
                "the plan could serve as a basis for talks".to_string(),
                Form::Before
            )]
        );
        assert_eq!(
            clauses("The minister said the talks would resume next week."),
            vec![("the talks would resume next week".to_string(), Form::Before)]
        );
        assert_eq!(
            clauses("She told reporters she would stay in the race."),
            vec![("she would stay in the race".to_string(), Form::Before)]
        );
    }

    #[test]
    fn clause_first_then_attribution() {
        assert_eq!(
            clauses("The convoy had crossed the border at dawn, the ministry said."),
            vec![(
                "The convoy had crossed the border at dawn".to_string(),
                Form::After
            )]
        );
    }

    #[test]
    fn according_to_either_side() {
        assert_eq!(
            clauses("According to the governor, three bridges were damaged overnight."),
            vec![(
                "three bridges were damaged overnight".to_string(),
                Form::According
            )]
        );
        assert_eq!(
            clauses("Three bridges were damaged overnight, according to the governor."),
            vec![(
                "Three bridges were damaged overnight".to_string(),
                Form::According
            )]
        );
    }

    #[test]
    fn passive_with_by() {
        assert_eq!(
            clauses("It was reported by the agency that the reactor had been shut down."),
            vec![("the reactor had been shut down".to_string(), Form::Passive)]
        );
    }

    #[test]
    fn no_clause_where_a_quotation_gives_the_voice_or_a_verb_takes_an_object() {
        assert!(clauses("Putin said the plan was \"a starting point\" for talks.").is_empty());
        assert!(clauses("He dismissed that gathering as pointless without Russia.").is_empty());
        assert!(clauses("The report was published on Monday in Geneva.").is_empty());
        assert!(clauses("Did the minister say the talks would resume?").is_empty());
        assert!(clauses("Lawmakers rejected the claim that the army had withdrawn.").is_empty());
        assert!(clauses("He cited the article alleging that he had lied.").is_empty());
        assert!(clauses("A warrant was issued for the general, which Moscow denies.").is_empty());
        assert!(
            clauses("The court issued a warrant for the general, an accusation Moscow denies.")
                .is_empty()
        );
        assert_eq!(
            clauses("Zelensky said any plan that required a retreat was unacceptable."),
            vec![(
                "any plan that required a retreat was unacceptable".to_string(),
                Form::Before
            )]
        );
        assert!(clauses("The mayor said the plan would “end the crisis” soon.").is_empty());
    }
}
