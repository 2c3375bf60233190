//! Quoted spans of a sentence: straight and curly quotation marks, and quotes that run on past
//! the end of a sentence.

/// Quoted spans of a sentence as byte ranges including the marks. A quote still open at the end
/// of the sentence is closed there and reported as continuing.
pub(super) fn quote_spans(text: &str, open_at_start: bool) -> (Vec<(usize, usize)>, bool) {
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
