//! The text layer of PDF files (pdf-extract), guarded so that a malformed PDF is an error, never
//! a crash.

use crate::error::IngestProblem;

/// Extracts the text layer. Paragraph breaks in the PDF become blank lines.
pub fn extract(bytes: &[u8]) -> Result<String, IngestProblem> {
    if !bytes.starts_with(b"%PDF-") {
        return Err(IngestProblem::Pdf(
            "the file does not start with a PDF header".into(),
        ));
    }
    let owned = bytes.to_vec();
    // pdf-extract can panic on malformed input; contain it and report plainly.
    let result = std::panic::catch_unwind(move || pdf_extract::extract_text_from_mem(&owned));
    let text = match result {
        Ok(Ok(text)) => text,
        Ok(Err(e)) => return Err(IngestProblem::Pdf(e.to_string())),
        Err(_) => return Err(IngestProblem::Pdf("the PDF structure is damaged".into())),
    };
    if text.trim().is_empty() {
        return Err(IngestProblem::Pdf(
            "it has no text layer (a scanned image needs OCR first)".into(),
        ));
    }
    Ok(text)
}
