//! Turning raw bytes into text: byte-order marks, UTF-8, then a detected legacy encoding
//! (Windows-1252, Latin-1 and others via chardetng); binary files are refused with a reason.
//! A mostly-UTF-8 file with a few invalid bytes keeps its UTF-8 and gets U+FFFD where the bytes
//! were bad (only a file that reads as legacy text is re-decoded); NUL bytes are dropped.

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

/// Decodes bytes to text, without NUL characters. Returns the text and the encoding's name.
pub fn decode(bytes: &[u8]) -> Result<(String, &'static str), IngestProblem> {
    let (mut text, enc) = decode_any(bytes)?;
    if text.contains('\0') {
        text.retain(|c| c != '\0');
    }
    Ok((text, enc))
}

fn decode_any(bytes: &[u8]) -> Result<(String, &'static str), IngestProblem> {
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
    let head_nuls = head.iter().filter(|b| **b == 0).count();
    if head_nuls > 0 {
        // UTF-16 without a BOM: every other byte is zero for ASCII text.
        if let Some(text) = utf16_without_bom(bytes) {
            return Ok(text);
        }
        // A few stray NULs in text are dropped below; many mean a binary file.
        if head_nuls * 100 > head.len() {
            return Err(IngestProblem::Binary("it contains NUL bytes".into()));
        }
    }
    let text = match std::str::from_utf8(bytes) {
        Ok(s) => (s.to_string(), "UTF-8"),
        Err(_) if reads_as_damaged_utf8(bytes) => {
            (String::from_utf8_lossy(bytes).into_owned(), "UTF-8")
        }
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

/// Whether bytes that are not valid UTF-8 are better read as UTF-8 with a few damaged
/// sequences (replaced locally by U+FFFD) than re-decoded as a legacy encoding. Decided by the
/// share of invalid sequences among the non-ASCII ones, and by their shape: legacy single-byte
/// text has its high bytes mostly one at a time between ASCII (`caf\xe9`, `\x93quote\x94`) or
/// makes up a large part of the text (Cyrillic, Greek); damaged UTF-8 has runs of stray bytes
/// among otherwise valid multi-byte characters.
fn reads_as_damaged_utf8(bytes: &[u8]) -> bool {
    let mut valid_multibyte = 0usize;
    let mut invalid = 0usize;
    for chunk in bytes.utf8_chunks() {
        valid_multibyte += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        if !chunk.invalid().is_empty() {
            invalid += 1;
        }
    }
    if valid_multibyte > 0 && invalid <= valid_multibyte {
        return true;
    }
    if valid_multibyte * 2 >= invalid {
        return true;
    }
    // No or little valid UTF-8: legacy text unless the high bytes look like stray damage.
    let high = bytes.iter().filter(|b| **b >= 0x80).count();
    let mut runs = 0usize;
    let mut single = 0usize;
    let mut long = 0usize;
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] >= 0x80 {
            let start = i;
            while i < bytes.len() && bytes[i] >= 0x80 {
                i += 1;
            }
            runs += 1;
            match i - start {
                1 => single += 1,
                2 => {}
                _ => long += 1,
            }
        } else {
            i += 1;
        }
    }
    let non_space = bytes
        .iter()
        .filter(|b| !b.is_ascii_whitespace())
        .count()
        .max(1);
    let mostly_single = single * 10 >= runs * 6 && long * 50 <= runs;
    let mostly_high = high * 10 >= non_space * 3;
    !(mostly_single || mostly_high)
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
    fn damaged_utf8_is_replaced_locally() {
        // valid UTF-8 with one stray Windows-1252 byte: the rest stays as it was
        let (text, enc) = decode(
            "Kyiv’s café \u{2014} "
                .as_bytes()
                .iter()
                .copied()
                .chain(*b"a \x93b")
                .collect::<Vec<_>>()
                .as_slice(),
        )
        .unwrap();
        assert_eq!(enc, "UTF-8");
        assert_eq!(text, "Kyiv’s café \u{2014} a \u{fffd}b");
        // ASCII with runs of stray bytes: replaced, not re-decoded
        let (text, _) =
            decode(b"The minister said \xff\xfe\xfd talks had stalled \xc3( in May.").unwrap();
        assert_eq!(text.matches('\u{fffd}').count(), 4, "{text}");
        assert!(!text.contains('\u{ff}'), "{text}");
    }

    #[test]
    fn nul_bytes_are_dropped() {
        let mut bytes = b"The talks resumed on Monday. ".repeat(400);
        bytes.extend_from_slice(b"Observers\0 were \0\0hopeful.");
        let (text, _) = decode(&bytes).unwrap();
        assert!(!text.contains('\0'));
        assert!(text.ends_with("Observers were hopeful."));
        let mut bytes = b"A\0 note with a stray NUL. ".to_vec();
        bytes.extend_from_slice(&b"Then ordinary text follows. ".repeat(20));
        let (text, _) = decode(&bytes).unwrap();
        assert!(text.starts_with("A note with a stray NUL."), "{text}");
        // mostly NULs: binary
        assert!(matches!(
            decode(b"a\0\0b\0c\0\0\0d\0"),
            Err(IngestProblem::Binary(_))
        ));
        // UTF-16 that encodes U+0000 (found by fuzzing)
        let utf16: Vec<u8> = [0xff, 0xfe]
            .into_iter()
            .chain("a\0b".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        assert_eq!(decode(&utf16).unwrap().0, "ab");
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
