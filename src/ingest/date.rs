//! Finding and normalising publication dates written in the common forms
//! ("November 21, 2024", "Nov. 21, 2024", "21 Nov 2024", "2024-11-21T09:00Z", "11/21/2024",
//! "21.11.2024") to YYYY-MM-DD.

use regex::Regex;
use std::sync::OnceLock;

/// Month names and abbreviations in English, Spanish, Portuguese, French, German and Italian.
const MONTHS: &[(&str, u32)] = &[
    ("january", 1),
    ("february", 2),
    ("march", 3),
    ("april", 4),
    ("may", 5),
    ("june", 6),
    ("july", 7),
    ("august", 8),
    ("september", 9),
    ("october", 10),
    ("november", 11),
    ("december", 12),
    ("jan", 1),
    ("feb", 2),
    ("mar", 3),
    ("apr", 4),
    ("jun", 6),
    ("jul", 7),
    ("aug", 8),
    ("sep", 9),
    ("sept", 9),
    ("oct", 10),
    ("nov", 11),
    ("dec", 12),
    // es
    ("enero", 1),
    ("febrero", 2),
    ("marzo", 3),
    ("abril", 4),
    ("mayo", 5),
    ("junio", 6),
    ("julio", 7),
    ("agosto", 8),
    ("septiembre", 9),
    ("setiembre", 9),
    ("octubre", 10),
    ("noviembre", 11),
    ("diciembre", 12),
    ("ene", 1),
    ("abr", 4),
    ("ago", 8),
    ("dic", 12),
    // pt
    ("janeiro", 1),
    ("fevereiro", 2),
    ("março", 3),
    ("maio", 5),
    ("junho", 6),
    ("julho", 7),
    ("setembro", 9),
    ("outubro", 10),
    ("novembro", 11),
    ("dezembro", 12),
    ("fev", 2),
    ("set", 9),
    ("out", 10),
    ("dez", 12),
    // fr
    ("janvier", 1),
    ("février", 2),
    ("mars", 3),
    ("avril", 4),
    ("mai", 5),
    ("juin", 6),
    ("juillet", 7),
    ("août", 8),
    ("septembre", 9),
    ("octobre", 10),
    ("décembre", 12),
    // de
    ("januar", 1),
    ("februar", 2),
    ("märz", 3),
    ("juni", 6),
    ("juli", 7),
    ("oktober", 10),
    ("dezember", 12),
    // it
    ("gennaio", 1),
    ("febbraio", 2),
    ("aprile", 4),
    ("maggio", 5),
    ("giugno", 6),
    ("luglio", 7),
    ("settembre", 9),
    ("ottobre", 10),
    ("dicembre", 12),
    ("gen", 1),
    ("mag", 5),
    ("giu", 6),
    ("lug", 7),
    ("ott", 10),
];

/// Whether a word names a month (in one of the languages above).
pub fn is_month_name(word: &str) -> bool {
    month_number(word).is_some()
}

fn month_number(name: &str) -> Option<u32> {
    let n = name.trim_end_matches('.').to_lowercase();
    MONTHS.iter().find(|(m, _)| *m == n).map(|(_, v)| *v)
}

/// A word that may be a month name (checked against [`MONTHS`] after matching): a run of ASCII
/// letters and characters beyond ASCII, with an optional closing dot. Matching any such word and
/// looking it up, rather than compiling an alternation of ninety names case-insensitively, makes
/// these patterns about five times cheaper to compile (it is most of the cost of reading a
/// short page).
const WORD: &str = r"[A-Za-z\x{80}-\x{10FFFF}]+\.?";

/// A [`WORD`] that ends in a month name (its last run of letters, as in "Updated—November"):
/// the month's number and how many bytes precede the name in the word.
fn month_in(word: &str) -> Option<(u32, usize)> {
    let body = word.strip_suffix('.').unwrap_or(word);
    let start = body
        .char_indices()
        .rfind(|(_, c)| !c.is_alphabetic())
        .map_or(0, |(i, c)| i + c.len_utf8());
    Some((month_number(&word[start..])?, start))
}

struct Patterns {
    iso: Regex,
    month_day_year: Regex,
    day_month_year: Regex,
    numeric: Regex,
}

/// Compiles the date patterns now (the CLI does it beside loading its configuration).
pub fn warm_up() {
    let _ = patterns();
}

fn patterns() -> &'static Patterns {
    static P: OnceLock<Patterns> = OnceLock::new();
    P.get_or_init(|| {
        Patterns {
        // `[0-9]`, not `\d`: the numbers are parsed as ASCII digits, and Unicode `\d` costs
        // ten times as much to compile
        iso: Regex::new(r"(?-u:\b)([0-9]{4})[-/.]([0-9]{1,2})[-/.]([0-9]{1,2})(?:[T ][0-9:.+\-Z]*)?(?-u:\b)").unwrap(),
        month_day_year: Regex::new(&format!(
            r"({WORD})\s+([0-9]{{1,2}})(?i:st|nd|rd|th)?,?\s+([0-9]{{4}})(?-u:\b)"
        ))
        .unwrap(),
        day_month_year: Regex::new(&format!(
            r"(?-u:\b)([0-9]{{1,2}})(?i:st|nd|rd|th|º|er)?\.?\s+(?i:of\s+|de\s+)?({WORD}),?\s+(?i:de\s+)?([0-9]{{4}})(?-u:\b)"
        ))
        .unwrap(),
        numeric: Regex::new(r"(?-u:\b)([0-9]{1,2})([/.])([0-9]{1,2})[/.]([0-9]{4})(?-u:\b)").unwrap(),
        }
    })
}

fn valid(y: i32, m: u32, d: u32) -> Option<String> {
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        2 => 28,
        _ => return None,
    };
    ((1900..=2100).contains(&y) && d >= 1 && d <= days).then(|| format!("{y:04}-{m:02}-{d:02}"))
}

/// A date found in a text: the normalised date and the byte range it was written in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FoundDate {
    pub date: String,
    pub start: usize,
    pub end: usize,
}

/// Finds the first well-formed date in `text`.
pub fn find_date(text: &str) -> Option<FoundDate> {
    // every pattern writes the year as four ASCII digits: without them, nothing to compile
    if !text
        .as_bytes()
        .windows(4)
        .any(|w| w.iter().all(u8::is_ascii_digit))
    {
        return None;
    }
    let p = patterns();
    let mut best: Option<FoundDate> = None;
    let mut consider = |found: Option<FoundDate>| {
        if let Some(f) = found
            && best.as_ref().is_none_or(|b| f.start < b.start)
        {
            best = Some(f);
        }
    };
    consider(p.iso.captures_iter(text).find_map(|c| {
        let m = c.get(0)?;
        let date = valid(c[1].parse().ok()?, c[2].parse().ok()?, c[3].parse().ok()?)?;
        Some(FoundDate {
            date,
            start: m.start(),
            end: m.end(),
        })
    }));
    consider(p.month_day_year.captures_iter(text).find_map(|c| {
        let m = c.get(0)?;
        let (month, skip) = month_in(&c[1])?;
        let date = valid(c[3].parse().ok()?, month, c[2].parse().ok()?)?;
        Some(FoundDate {
            date,
            start: m.start() + skip,
            end: m.end(),
        })
    }));
    consider(p.day_month_year.captures_iter(text).find_map(|c| {
        let m = c.get(0)?;
        let date = valid(c[3].parse().ok()?, month_in(&c[2])?.0, c[1].parse().ok()?)?;
        Some(FoundDate {
            date,
            start: m.start(),
            end: m.end(),
        })
    }));
    consider(p.numeric.captures_iter(text).find_map(|c| {
        let m = c.get(0)?;
        let (a, b): (u32, u32) = (c[1].parse().ok()?, c[3].parse().ok()?);
        let y: i32 = c[4].parse().ok()?;
        // "/" is US month-first unless the first number cannot be a month; "." is day-first.
        let (month, day) = if &c[2] == "." || a > 12 {
            (b, a)
        } else {
            (a, b)
        };
        let date = valid(y, month, day)?;
        Some(FoundDate {
            date,
            start: m.start(),
            end: m.end(),
        })
    }));
    best
}

/// Normalises a date string to YYYY-MM-DD, if it holds one.
pub fn normalize_date(text: &str) -> Option<String> {
    find_date(text).map(|f| f.date)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_forms() {
        for (input, want) in [
            ("November 21, 2024", "2024-11-21"),
            ("Published: Nov. 21, 2024 at 5:02 p.m. ET", "2024-11-21"),
            ("21 Nov 2024 10:32 GMT", "2024-11-21"),
            ("Thursday 21st of November 2024", "2024-11-21"),
            ("2024-11-21T09:00:00Z", "2024-11-21"),
            ("11/21/2024", "2024-11-21"),
            ("21/11/2024", "2024-11-21"),
            ("21.11.2024", "2024-11-21"),
            ("Sept 3 2023", "2023-09-03"),
            ("segunda-feira, 22 de janeiro de 2018 às 0:13", "2018-01-22"),
            ("19. November 2019", "2019-11-19"),
            ("2 août 2017", "2017-08-02"),
            ("2 AOÛT 2017", "2017-08-02"),
            ("3 Décembre 2019", "2019-12-03"),
            ("NOVEMBER 21ST, 2024", "2024-11-21"),
            ("Updated—November 21, 2024", "2024-11-21"),
            ("Room 12 2023, then March 5, 2024", "2024-03-05"),
        ] {
            assert_eq!(normalize_date(input).as_deref(), Some(want), "{input}");
        }
    }

    #[test]
    fn rejects_non_dates() {
        assert_eq!(normalize_date("February 30, 2024"), None);
        assert_eq!(normalize_date("12 Views"), None);
        assert_eq!(normalize_date("May I help?"), None);
    }
}
