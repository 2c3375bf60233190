//! Turning raw bytes into text: byte-order marks, strict UTF-8, then a detected legacy encoding
//! (Windows-1252, Latin-1 and others via chardetng); binary files are refused with a reason.

use crate::error::IngestProblem;
use encoding_rs::Encoding;

/// Known binary signatures, with a name for the error message.
const MAGIC: &[(&[u8], &str)] = &[
    (b"\x89PNG", "PNG image"),
    (b"GIF8", "GIF image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"PK\x03\x04", "ZIP archive or office document"),
    (b"\x7fELF", "executable"),
    (b"MZ", "Windows executable"),
    (b"\x1f\x8b", "gzip archive"),
    (b"RIFF", "media file"),
    (b"ID3", "audio file"),
    (b"\x00\x00\x00", "media or binary file"),
];

/// Decodes bytes to text. Returns the text and the encoding's name.
pub fn decode(bytes: &[u8]) -> Result<(String, &'static str), IngestProblem> {
    if bytes.is_empty() {
        return Err(IngestProblem::Empty);
    }
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        let (text, had_errors) = enc.decode_without_bom_handling(&bytes[bom_len..]);
        if had_errors && replacement_share(&text) > 0.01 {
            return Err(IngestProblem::Undecodable);
        }
        return Ok((text.into_owned(), enc.name()));
    }
    for (magic, what) in MAGIC {
        if bytes.starts_with(magic) {
            return Err(IngestProblem::Binary((*what).to_string()));
        }
    }
    let head = &bytes[..bytes.len().min(8192)];
    if head.contains(&0) {
        // UTF-16 without a BOM: every other byte is zero for ASCII text.
        if let Some(text) = utf16_without_bom(bytes) {
            return Ok(text);
        }
        return Err(IngestProblem::Binary("it contains NUL bytes".into()));
    }
    let text = match std::str::from_utf8(bytes) {
        Ok(s) => (s.to_string(), "UTF-8"),
        Err(_) => {
            let mut det = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
            det.feed(bytes, true);
            let enc = det.guess(None, chardetng::Utf8Detection::Allow);
            let (text, _, had_errors) = enc.decode(bytes);
            if had_errors && replacement_share(&text) > 0.01 {
                return Err(IngestProblem::Undecodable);
            }
            (text.into_owned(), enc.name())
        }
    };
    if control_share(&text.0) > 0.05 {
        return Err(IngestProblem::Binary(
            "most of it is control characters".into(),
        ));
    }
    Ok(text)
}

fn utf16_without_bom(bytes: &[u8]) -> Option<(String, &'static str)> {
    let head = &bytes[..bytes.len().min(512)];
    let even_zero = head.iter().step_by(2).filter(|b| **b == 0).count();
    let odd_zero = head.iter().skip(1).step_by(2).filter(|b| **b == 0).count();
    let half = head.len() / 2;
    let enc = if odd_zero * 10 >= half * 8 && even_zero == 0 {
        encoding_rs::UTF_16LE
    } else if even_zero * 10 >= half * 8 && odd_zero == 0 {
        encoding_rs::UTF_16BE
    } else {
        return None;
    };
    let (text, had_errors) = enc.decode_without_bom_handling(bytes);
    (!had_errors).then(|| (text.into_owned(), enc.name()))
}

fn replacement_share(text: &str) -> f64 {
    let total = text.chars().count().max(1);
    text.chars().filter(|c| *c == '\u{fffd}').count() as f64 / total as f64
}

fn control_share(text: &str) -> f64 {
    let total = text.chars().count().max(1);
    let controls = text
        .chars()
        .filter(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}'))
        .count();
    controls as f64 / total as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodings() {
        assert_eq!(decode(b"plain").unwrap().0, "plain");
        assert_eq!(decode(b"\xef\xbb\xbfbom text").unwrap().0, "bom text");
        let utf16le: Vec<u8> = [0xff, 0xfe]
            .into_iter()
            .chain("Kyiv’s".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        assert_eq!(decode(&utf16le).unwrap().0, "Kyiv’s");
        let utf16be: Vec<u8> = [0xfe, 0xff]
            .into_iter()
            .chain("Kyiv".encode_utf16().flat_map(u16::to_be_bytes))
            .collect();
        assert_eq!(decode(&utf16be).unwrap().0, "Kyiv");
        // Windows-1252 curly quotes and an e-acute
        let cp1252 = b"The \x93caf\xe9\x94 talks were described as \x93pointless\x94 by officials in the capital.";
        let (text, _) = decode(cp1252).unwrap();
        assert!(text.contains("“café”"), "{text}");
    }

    #[test]
    fn refuses_binary_and_empty() {
        assert_eq!(decode(b""), Err(IngestProblem::Empty));
        assert!(matches!(
            decode(b"\x89PNG\r\n\x1a\n\0\0"),
            Err(IngestProblem::Binary(_))
        ));
        assert!(matches!(
            decode(&[1u8, 0, 3, 0, 0, 7, 200, 0, 9]),
            Err(IngestProblem::Binary(_))
        ));
    }
}
