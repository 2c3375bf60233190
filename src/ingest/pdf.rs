//! The text layer of PDF files (pdf-extract over lopdf), guarded so that a malformed or hostile
//! PDF is an error, never a crash or a hang: before text extraction the document structure is
//! checked for what would make the extractor recurse or loop without end (page-tree `/Parent`
//! cycles, fonts that are their own descendants, form objects that draw themselves or fan out
//! to a huge number of draws) and compressed streams are measured with a cap (inflate bombs).
//! The process-level limits in `crate::isolate` remain the backstop.

use crate::error::IngestProblem;
use pdf_extract::{Document, Object, ObjectId};
use std::collections::{HashMap, HashSet};
use std::io::Read;

/// Largest size one compressed stream may inflate to.
const MAX_STREAM_BYTES: u64 = 64 << 20;
/// Largest size all compressed streams together may inflate to.
const MAX_TOTAL_BYTES: u64 = 256 << 20;
/// Most form-object draws (`Do`) the text extraction may perform over the whole document.
const MAX_DRAWS: u64 = 10_000;
/// Deepest nesting of form objects, page-tree parents or descendant fonts.
const MAX_DEPTH: usize = 32;

fn damaged(why: &str) -> IngestProblem {
    IngestProblem::Pdf(format!("the PDF structure is unsafe to read: {why}"))
}

/// Extracts the text layer. Paragraph breaks in the PDF become blank lines.
pub fn extract(bytes: &[u8]) -> Result<String, IngestProblem> {
    if !bytes.starts_with(b"%PDF-") {
        return Err(IngestProblem::Pdf(
            "the file does not start with a PDF header".into(),
        ));
    }
    // pdf-extract can panic on malformed input; contain it and report plainly.
    let result = std::panic::catch_unwind(|| -> Result<String, IngestProblem> {
        let mut doc = Document::load_mem(bytes).map_err(|e| IngestProblem::Pdf(e.to_string()))?;
        if doc.is_encrypted() {
            doc.decrypt("")
                .map_err(|e| IngestProblem::Pdf(format!("it is encrypted ({e})")))?;
        }
        check_structure(&doc)?;
        let mut text = String::new();
        {
            let mut out = pdf_extract::PlainTextOutput::new(&mut text);
            pdf_extract::output_doc(&doc, &mut out)
                .map_err(|e| IngestProblem::Pdf(e.to_string()))?;
        }
        Ok(text)
    });
    let text = match result {
        Ok(Ok(text)) => text,
        Ok(Err(e)) => return Err(e),
        Err(_) => return Err(IngestProblem::Pdf("the PDF structure is damaged".into())),
    };
    if text.trim().is_empty() {
        return Err(IngestProblem::Pdf(
            "it has no text layer (a scanned image needs OCR first)".into(),
        ));
    }
    Ok(text)
}

/// Checks what would make text extraction recurse, loop or allocate without bound.
fn check_structure(doc: &Document) -> Result<(), IngestProblem> {
    check_stream_sizes(doc)?;
    check_fonts(doc)?;
    let mut draws = Draws::default();
    for page in doc.get_pages().into_values() {
        let resources = page_resources(doc, page)?;
        let content = doc.get_page_content(page).unwrap_or_default();
        draws.total += draws.count_content(doc, &content, resources, 0)?;
        if draws.total > MAX_DRAWS {
            return Err(damaged("its drawings nest into too many repeats"));
        }
    }
    Ok(())
}

/// Inflates every Flate-compressed stream into a counter, stopping at the caps.
fn check_stream_sizes(doc: &Document) -> Result<(), IngestProblem> {
    let mut total = 0u64;
    for obj in doc.objects.values() {
        let Ok(stream) = obj.as_stream() else {
            continue;
        };
        let flate = match stream.dict.get(b"Filter") {
            Ok(Object::Name(n)) => n == b"FlateDecode",
            Ok(Object::Array(a)) => a
                .iter()
                .any(|f| f.as_name().is_ok_and(|n| n == b"FlateDecode")),
            _ => false,
        };
        if !flate {
            continue;
        }
        let decoder = flate2::read::ZlibDecoder::new(stream.content.as_slice());
        let size = std::io::copy(
            &mut decoder.take(MAX_STREAM_BYTES + 1),
            &mut std::io::sink(),
        )
        .unwrap_or(0);
        total += size;
        if size > MAX_STREAM_BYTES || total > MAX_TOTAL_BYTES {
            return Err(damaged(&format!(
                "a compressed stream expands to more than {} MB",
                MAX_STREAM_BYTES >> 20
            )));
        }
    }
    Ok(())
}

/// Refuses Type0 fonts whose descendant fonts lead back to themselves (or nest too deeply).
fn check_fonts(doc: &Document) -> Result<(), IngestProblem> {
    for (id, obj) in &doc.objects {
        let Ok(dict) = obj.as_dict() else { continue };
        if dict.get(b"DescendantFonts").is_err() {
            continue;
        }
        let mut stack = vec![(*id, 0usize)];
        let mut seen = HashSet::new();
        while let Some((font, depth)) = stack.pop() {
            if depth > MAX_DEPTH || !seen.insert(font) {
                return Err(damaged("a font is its own descendant"));
            }
            let Ok(d) = doc.get_dictionary(font) else {
                continue;
            };
            let kids = d
                .get(b"DescendantFonts")
                .ok()
                .and_then(|o| doc.dereference(o).ok())
                .and_then(|(_, o)| o.as_array().ok());
            for kid in kids.into_iter().flatten() {
                if let Ok(kid) = kid.as_reference() {
                    stack.push((kid, depth + 1));
                }
            }
        }
    }
    Ok(())
}

/// The resources a page inherits, walking `/Parent` links with cycle detection.
fn page_resources(doc: &Document, page: ObjectId) -> Result<Option<ObjectId>, IngestProblem> {
    let mut seen = HashSet::new();
    let mut node = page;
    let mut found = None;
    loop {
        if !seen.insert(node) || seen.len() > MAX_DEPTH * 4 {
            return Err(damaged("the page tree loops back on itself"));
        }
        let Ok(dict) = doc.get_dictionary(node) else {
            return Ok(found);
        };
        if found.is_none() && dict.get(b"Resources").is_ok() {
            found = Some(node);
        }
        match dict.get(b"Parent").and_then(Object::as_reference) {
            Ok(parent) => node = parent,
            Err(_) => return Ok(found),
        }
    }
}

/// Counts form-object draws as the extractor would perform them, memoised per form object.
#[derive(Default)]
struct Draws {
    total: u64,
    memo: HashMap<(ObjectId, Option<ObjectId>), u64>,
    active: HashSet<ObjectId>,
}

impl Draws {
    /// Draws performed by one content stream with the resources held by `holder` (a page, a
    /// page-tree node or a form object, whose `/Resources` entry is used).
    fn count_content(
        &mut self,
        doc: &Document,
        content: &[u8],
        holder: Option<ObjectId>,
        depth: usize,
    ) -> Result<u64, IngestProblem> {
        if depth > MAX_DEPTH {
            return Err(damaged("its drawings nest too deeply"));
        }
        if !content.windows(2).any(|w| w == b"Do") {
            return Ok(0);
        }
        let Ok(ops) = pdf_extract::content::Content::decode(content) else {
            return Ok(0);
        };
        let xobjects = holder
            .and_then(|h| doc.get_dictionary(h).ok())
            .and_then(|d| d.get(b"Resources").ok())
            .and_then(|r| doc.dereference(r).ok())
            .and_then(|(_, r)| r.as_dict().ok())
            .and_then(|r| r.get(b"XObject").ok())
            .and_then(|x| doc.dereference(x).ok())
            .and_then(|(_, x)| x.as_dict().ok());
        let mut count = 0u64;
        for op in ops.operations.iter().filter(|op| op.operator == "Do") {
            count += 1;
            let target = op
                .operands
                .first()
                .and_then(|n| n.as_name().ok())
                .and_then(|n| xobjects.and_then(|x| x.get(n).ok()))
                .and_then(|o| o.as_reference().ok());
            if let Some(form) = target {
                count = count.saturating_add(self.count_form(doc, form, holder, depth + 1)?);
            }
            if count > MAX_DRAWS {
                return Err(damaged("its drawings nest into too many repeats"));
            }
        }
        Ok(count)
    }

    fn count_form(
        &mut self,
        doc: &Document,
        form: ObjectId,
        outer: Option<ObjectId>,
        depth: usize,
    ) -> Result<u64, IngestProblem> {
        let Ok(stream) = doc.get_object(form).and_then(Object::as_stream) else {
            return Ok(0);
        };
        // Like the extractor: any stream is drawn (whatever its /Subtype), with its own
        // resources when they are a dictionary, else with those of whatever draws it.
        let own = stream
            .dict
            .get(b"Resources")
            .ok()
            .and_then(|r| doc.dereference(r).ok())
            .is_some_and(|(_, r)| r.as_dict().is_ok());
        let holder = if own { Some(form) } else { outer };
        let key = (form, holder);
        if let Some(n) = self.memo.get(&key) {
            return Ok(*n);
        }
        if !self.active.insert(form) {
            return Err(damaged("a form object draws itself"));
        }
        let content = stream
            .decompressed_content()
            .unwrap_or_else(|_| stream.content.clone());
        let n = self.count_content(doc, &content, holder, depth);
        self.active.remove(&form);
        let n = n?;
        self.memo.insert(key, n);
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Serialises numbered objects (1, 2, …) with a correct cross-reference table.
    fn assemble(objects: &[Vec<u8>]) -> Vec<u8> {
        let mut out = b"%PDF-1.4\n".to_vec();
        let mut offsets = Vec::new();
        for (i, body) in objects.iter().enumerate() {
            offsets.push(out.len());
            out.extend_from_slice(format!("{} 0 obj\n", i + 1).as_bytes());
            out.extend_from_slice(body);
            out.extend_from_slice(b"\nendobj\n");
        }
        let xref = out.len();
        out.extend_from_slice(
            format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes(),
        );
        for o in offsets {
            out.extend_from_slice(format!("{o:010} 00000 n \n").as_bytes());
        }
        out.extend_from_slice(
            format!(
                "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
                objects.len() + 1
            )
            .as_bytes(),
        );
        out
    }

    fn stream(dict: &str, data: &[u8]) -> Vec<u8> {
        let mut o = format!("<< /Length {} {dict} >>\nstream\n", data.len()).into_bytes();
        o.extend_from_slice(data);
        o.extend_from_slice(b"\nendstream");
        o
    }

    /// A one-page PDF whose page draws form object A (object 6); `forms` are objects 6, 7, …
    fn pdf(forms: &[&str], extra: &[Vec<u8>]) -> Vec<u8> {
        let mut objs: Vec<Vec<u8>> = vec![
            b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R \
              /Resources << /Font << /F1 5 0 R >> /XObject << /A 6 0 R /B 7 0 R >> >> >>"
                .to_vec(),
            stream(
                "",
                b"BT /F1 12 Tf 72 720 Td (The council met on Monday.) Tj ET /A Do",
            ),
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_vec(),
        ];
        for f in forms {
            objs.push(stream(
                "/Type /XObject /Subtype /Form /BBox [0 0 1 1]",
                f.as_bytes(),
            ));
        }
        objs.extend(extra.iter().cloned());
        assemble(&objs)
    }

    #[test]
    fn self_drawing_forms_are_refused_not_overflowed() {
        for forms in [vec!["/A Do"], vec!["/B Do", "/A Do"]] {
            let e = extract(&pdf(&forms, &[])).unwrap_err();
            assert!(e.to_string().contains("unsafe"), "{e}");
        }
    }

    #[test]
    fn any_subtype_counts_as_a_drawing() {
        // found by fuzzing: the extractor draws a stream whatever its /Subtype says
        let mut doc = pdf(&["/A Do"], &[]);
        let at = doc.windows(5).position(|w| w == b"/Form").unwrap();
        doc[at..at + 5].copy_from_slice(b"/Fgrm");
        let e = extract(&doc).unwrap_err();
        assert!(e.to_string().contains("unsafe"), "{e}");
    }

    #[test]
    fn fan_out_is_capped() {
        // A draws B 100 times, B draws a leaf 200 times: 20,000 draws
        let a = "/B Do ".repeat(100);
        let e = extract(&pdf(&[&a, &"/C Do ".repeat(200)], &[])).unwrap_err();
        assert!(e.to_string().contains("unsafe"), "{e}");
    }

    #[test]
    fn ordinary_forms_still_read() {
        let text = extract(&pdf(&["/B Do", ""], &[])).unwrap();
        assert!(text.contains("council met"), "{text}");
    }

    #[test]
    fn inflate_bomb_is_capped() {
        use std::io::Write;
        let mut enc = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
        let zeros = vec![0u8; 1 << 20];
        for _ in 0..(MAX_STREAM_BYTES >> 20) + 1 {
            enc.write_all(&zeros).unwrap();
        }
        let packed = enc.finish().unwrap();
        let doc = pdf(&["", ""], &[stream("/Filter /FlateDecode", &packed)]);
        let e = extract(&doc).unwrap_err();
        assert!(e.to_string().contains("expands"), "{e}");
    }
}
