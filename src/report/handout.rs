//! The blind handout for a class and its answer key: two printable HTML pages (simple CSS, no
//! scripts, nothing loaded from elsewhere). The handout names the articles "Article A", "Article
//! B", … only, gives their text, the topics with the differences the analysis found and the
//! sentences each rests on, and room for the students' answers; it writes no outlet, author,
//! title, date, address, file name, tag or set-aside text. The answer key says which letter is
//! which article and carries the user's notes. Both are written with the same letters.

use super::ExportOptions;
use super::html::esc;
use crate::analysis::Analysis;
use crate::frame::DifferenceKind;
use crate::model::{ArticleId, Note};
use std::fmt::Write;
use std::path::{Path, PathBuf};

/// A `<meta name="generator">` value that marks a page as a framediff answer key, so that an
/// answer key written earlier may be written over and any other file is left alone.
pub const KEY_MARK: &str = "framediff answer key";

/// A sentence shown under a difference.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shown {
    pub article: ArticleId,
    pub sentence: usize,
    /// The closest passage of an article said to leave the topic out (not one of the topic's
    /// sentences); said as such.
    pub closest: bool,
}

/// The two pages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Handout {
    /// For the students: blind.
    pub sheet: String,
    /// For the teacher: which letter is which article, and the notes.
    pub key: String,
}

/// Where the answer key of the handout at `path` is written: `NAME-answer-key.html` beside
/// `NAME.html`.
pub fn answer_key_path(path: &Path) -> PathBuf {
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "handout".into());
    path.with_file_name(format!("{stem}-answer-key.html"))
}

/// Whether the file at `path` may be written as an answer key without asking: it does not
/// exist, or it is an answer key framediff wrote (it carries [`KEY_MARK`]). Otherwise the reason
/// it is left alone.
pub fn may_write_key(path: &Path) -> Result<(), String> {
    let meta = match std::fs::symlink_metadata(path) {
        Ok(m) => m,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(format!("{}: {e}", path.display())),
    };
    let shown = path.display();
    if !meta.is_file() {
        return Err(format!("{shown} exists and is not a file framediff wrote"));
    }
    let mut head = vec![0u8; 4096];
    let n = std::fs::File::open(path)
        .and_then(|mut f| std::io::Read::read(&mut f, &mut head))
        .map_err(|e| format!("{shown}: {e}"))?;
    if String::from_utf8_lossy(&head[..n]).contains(&format!("content=\"{KEY_MARK}\"")) {
        Ok(())
    } else {
        Err(format!(
            "{shown} exists and is not an answer key framediff wrote; it was left as it is \
             (choose another name for the handout)"
        ))
    }
}

const STYLE: &str = "body{font-family:Georgia,serif;margin:2em auto;max-width:46em;line-height:1.5;color:#000}\
h1,h2,h3{font-family:system-ui,sans-serif}h2{border-bottom:1px solid #999;margin-top:2em}\
.article p{margin:.4em 0}.pn{color:#666;font-size:80%;margin-right:.4em}\
blockquote{margin:.3em 0 .3em 1.5em;padding-left:.6em;border-left:3px solid #bbb}\
.answer{border:1px solid #777;min-height:7em;margin:.6em 0 1.4em;padding:.3em;color:#777;font-size:85%}\
table{border-collapse:collapse}td,th{border:1px solid #999;padding:4px 8px;vertical-align:top;text-align:left}\
.note{color:#444;font-size:90%}\
@media print{body{margin:0;max-width:none}.article,.topic{break-inside:auto}h2{break-after:avoid}.answer{break-inside:avoid}}";

fn page(title: &str, generator: Option<&str>, body: &str) -> String {
    let meta = generator
        .map(|g| format!("<meta name=\"generator\" content=\"{}\">", esc(g)))
        .unwrap_or_default();
    format!(
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">{meta}<title>{}</title>\
         <style>{STYLE}</style></head><body>{body}</body></html>\n",
        esc(title)
    )
}

/// The sentences shown under difference `k`: those given in `evidence` (as the window computed
/// them), else each concerned article's first sentence of the topic.
fn shown_for(a: &Analysis, evidence: &[Vec<Shown>], k: usize) -> Vec<Shown> {
    if let Some(e) = evidence.get(k) {
        return e.clone();
    }
    let Some(d) = a.differences.get(k) else {
        return Vec::new();
    };
    let Some(topic) = a.topics.get(d.topic) else {
        return Vec::new();
    };
    let absent = matches!(d.kind, DifferenceKind::Omission | DifferenceKind::Unaligned);
    let articles: Vec<ArticleId> = if absent || d.articles.is_empty() {
        topic.members.iter().map(|m| m.article).collect()
    } else {
        d.articles.clone()
    };
    let mut shown: Vec<Shown> = articles
        .into_iter()
        .filter_map(|art| topic.member(art))
        .filter_map(|m| {
            m.sentences.iter().min().map(|&s| Shown {
                article: m.article,
                sentence: s,
                closest: false,
            })
        })
        .collect();
    if absent {
        // the closest sentence of each article said to have none in the topic
        // (a topic's own sentence among them is the one another article's is aligned to)
        shown.extend(d.evidence.iter().map(|&(article, sentence)| Shown {
            article,
            sentence,
            closest: topic.member(article).is_none(),
        }));
        shown.sort_by_key(|x| (x.article, x.sentence));
        shown.dedup_by_key(|x| (x.article, x.sentence));
    }
    shown
}

/// Renders the handout and its answer key. `evidence` holds the sentences of each difference
/// (same order as `analysis.differences`) as the window shows them; where it has none, each
/// concerned article's first sentence of the topic is shown. The handout is blind whatever
/// `opts.blind` says; the answer key never is.
pub fn render(
    a: &Analysis,
    notes: &[Note],
    opts: &ExportOptions,
    evidence: &[Vec<Shown>],
) -> Handout {
    let opts = opts.checked(a.articles.len()).with_blind(true);
    let n = a.articles.len();
    let mut s = String::new();
    let _ = write!(
        s,
        "<h1>Comparing {n} article{}</h1><p>The articles below report on the same events. They are \
         named by letter only: who published them is on your teacher's answer key. Read them, \
         then look at each topic: the differences listed were found by framediff, a program; \
         check each against the sentences shown, say whether you agree, and add what it missed.</p>",
        if n == 1 { "" } else { "s" }
    );
    let _ = write!(s, "<h2>The articles</h2>");
    for (i, art) in a.articles.iter().enumerate() {
        let _ = write!(
            s,
            "<div class=\"article\"><h3>Article {}</h3>",
            opts.letter(i)
        );
        for (p, &(start, end)) in art.paragraphs.iter().enumerate() {
            let text = art.body.get(start..end).unwrap_or("");
            let _ = write!(s, "<p><span class=\"pn\">{}</span>{}</p>", p + 1, esc(text));
        }
        if !art.removed.is_empty() {
            let _ = write!(
                s,
                "<p class=\"note\">{} lines set aside ({}).</p>",
                art.removed.len(),
                super::options::SET_ASIDE_HIDDEN
            );
        }
        s.push_str("</div>");
    }
    let _ = write!(s, "<h2>Topics</h2>");
    let mut topics: Vec<&crate::align::Topic> = a.topics.iter().collect();
    topics.sort_by_key(|t| (t.story, t.id));
    for topic in topics {
        let _ = write!(
            s,
            "<div class=\"topic\"><h3>Topic {}: {}</h3><p>In ",
            topic.id + 1,
            esc(&topic.label)
        );
        let covered: Vec<String> = topic
            .members
            .iter()
            .map(|m| {
                format!(
                    "Article {} (paragraph {}, {:.0}% of its text)",
                    opts.letter(m.article),
                    m.first_paragraph + 1,
                    m.share * 100.0
                )
            })
            .collect();
        let _ = write!(s, "{}.</p>", esc(&covered.join("; ")));
        let diffs: Vec<usize> = (0..a.differences.len())
            .filter(|&k| a.differences[k].topic == topic.id)
            .collect();
        if !diffs.is_empty() {
            let _ = write!(s, "<p>Differences framediff found:</p><ol>");
            for k in diffs {
                let d = &a.differences[k];
                let _ = write!(s, "<li>{}", esc(&opts.relabel(&d.summary)));
                for e in shown_for(a, evidence, k) {
                    let Some(text) = a
                        .articles
                        .get(e.article.index())
                        .and_then(|art| art.sentences.get(e.sentence))
                    else {
                        continue;
                    };
                    let whose = if e.closest {
                        format!(
                            "Article {}, paragraph {}: its closest passage (not part of this topic)",
                            opts.letter(e.article),
                            text.paragraph + 1
                        )
                    } else {
                        format!(
                            "Article {}, paragraph {}",
                            opts.letter(e.article),
                            text.paragraph + 1
                        )
                    };
                    let _ = write!(
                        s,
                        "<blockquote><b>{}</b>: \u{201c}{}\u{201d}</blockquote>",
                        esc(&whose),
                        esc(&text.text)
                    );
                }
                s.push_str("</li>");
            }
            s.push_str("</ol>");
        }
        let _ = write!(
            s,
            "<div class=\"answer\">Your answer: how do the articles tell this differently? Which \
             words show it?</div></div>"
        );
    }
    let _ = write!(
        s,
        "<h2>Overall</h2><div class=\"answer\">Your answer: which article would you trust most \
         on this story, and why?</div>"
    );
    let sheet = page("Comparing articles: handout", None, &s);

    let mut k = String::new();
    let _ = write!(
        k,
        "<h1>Answer key</h1><p>Which article is which in the blind handout written with this \
         page (same letters).</p><table><tr><th></th><th>Outlet</th><th>Author</th><th>Title</th>\
         <th>Date</th><th>Address</th><th>File</th></tr>"
    );
    let cell = |v: Option<&str>| esc(v.unwrap_or("–"));
    for (i, art) in a.articles.iter().enumerate() {
        let _ = write!(
            k,
            "<tr><th>Article {}</th><td>{}{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            opts.letter(i),
            cell(art.source.as_deref()),
            // said once: sample outlets already carry it in their name
            if art.illustrative
                && !(art.source.as_deref().unwrap_or("").to_lowercase()).contains("illustrative")
            {
                " (illustrative)"
            } else {
                ""
            },
            cell(art.author.as_deref()),
            cell(Some(art.title.as_str()).filter(|t| !t.is_empty())),
            cell(art.date.as_deref()),
            cell(art.url.as_deref()),
            esc(&art.path)
        );
    }
    k.push_str("</table>");
    if !notes.is_empty() {
        let named = opts.clone().with_blind(false);
        let _ = write!(k, "<h2>Notes</h2><ul>");
        for n in notes {
            let _ = write!(
                k,
                "<li><b>{}</b>: {}</li>",
                esc(&super::note_target_with(a, &n.target, &named)),
                esc(&n.text)
            );
        }
        k.push_str("</ul>");
    }
    let key = page("Comparing articles: answer key", Some(KEY_MARK), &k);
    Handout { sheet, key }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_answer_key_sits_beside_the_handout() {
        assert_eq!(
            answer_key_path(Path::new("/tmp/class/week 3.html")),
            Path::new("/tmp/class/week 3-answer-key.html")
        );
        assert_eq!(
            answer_key_path(Path::new("sheet")),
            Path::new("sheet-answer-key.html")
        );
    }

    #[test]
    fn only_a_missing_file_or_an_earlier_answer_key_is_written_over() {
        let dir = std::env::temp_dir().join(format!("framediff-key-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let key = dir.join("x-answer-key.html");
        let _ = std::fs::remove_file(&key);
        assert!(may_write_key(&key).is_ok(), "missing");
        std::fs::write(&key, "<html>the student's own page</html>").unwrap();
        let why = may_write_key(&key).unwrap_err();
        assert!(why.contains("not an answer key framediff wrote"), "{why}");
        let a = crate::Analysis::default();
        std::fs::write(&key, render(&a, &[], &ExportOptions::new(), &[]).key).unwrap();
        assert!(may_write_key(&key).is_ok(), "ours");
        assert!(may_write_key(&dir).is_err(), "a folder");
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
