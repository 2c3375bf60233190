//! Fetching articles from web addresses for the CLI and the GUI (`ureq` with rustls and the
//! platform's certificate verifier): limits on time, size and redirects; the charset from the
//! Content-Type header or the HTML meta; HTML, PDF and plain text chosen by content type; every
//! failure a [`FetchError`]. The bytes are handed to the core's [`crate::ingest`]; the address
//! is kept as the article's `url`. Blocking: the GUI calls it off the UI thread.

use crate::error::FetchError;
use crate::ingest;
use crate::model::Article;
use encoding_rs::Encoding;
use std::time::Duration;

/// Limits of one fetch.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FetchOptions {
    /// Time for the whole exchange: name lookup, connection, answer and body.
    pub timeout: Duration,
    /// Largest body read (enforced while reading, whatever the server announces).
    pub max_bytes: u64,
    /// Redirects followed before giving up.
    pub max_redirects: u32,
}

impl Default for FetchOptions {
    fn default() -> Self {
        FetchOptions {
            timeout: Duration::from_secs(15),
            max_bytes: ingest::MAX_BYTES,
            max_redirects: 5,
        }
    }
}

/// Whether an argument names a web address rather than a path.
pub fn is_url(arg: &str) -> bool {
    let lower = arg.trim_start().to_ascii_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://")
}

/// What a response body is, by its content type (or, when the server names none, its bytes).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Html,
    Pdf,
    Text,
    Markdown,
}

fn kind_of(mime: &str, bytes: &[u8]) -> Option<Kind> {
    match mime {
        "text/html" | "application/xhtml+xml" => Some(Kind::Html),
        "application/pdf" => Some(Kind::Pdf),
        "text/plain" => Some(Kind::Text),
        "text/markdown" | "text/x-markdown" => Some(Kind::Markdown),
        "" | "application/octet-stream" => match ingest::sniff("", bytes) {
            crate::model::Format::Html => Some(Kind::Html),
            crate::model::Format::Pdf => Some(Kind::Pdf),
            crate::model::Format::Markdown => Some(Kind::Markdown),
            _ if mime.is_empty() => Some(Kind::Text),
            _ => None,
        },
        _ => None,
    }
}

/// The charset an HTML page declares in its first bytes (`<meta charset>` or the
/// `http-equiv` Content-Type).
fn meta_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(4096)]).to_ascii_lowercase();
    let at = head.find("charset=")? + "charset=".len();
    let label: String = head[at..]
        .trim_start_matches(['"', '\''])
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | ':' | '.'))
        .collect();
    Encoding::for_label(label.as_bytes())
}

/// Turns text bytes into UTF-8: the declared charset (header first, then the HTML meta) when
/// the bytes decode cleanly in it; otherwise the bytes go as they are to the core's detection.
fn to_utf8(bytes: Vec<u8>, header_charset: Option<&str>, html: bool) -> Vec<u8> {
    let declared = header_charset
        .and_then(|c| Encoding::for_label(c.trim().as_bytes()))
        .or_else(|| html.then(|| meta_charset(&bytes)).flatten());
    match declared {
        Some(enc) => {
            let (text, _, had_errors) = enc.decode(&bytes);
            if had_errors {
                bytes
            } else {
                text.into_owned().into_bytes()
            }
        }
        None => bytes,
    }
}

fn agent(options: &FetchOptions) -> ureq::Agent {
    let tls = ureq::tls::TlsConfig::builder()
        .root_certs(ureq::tls::RootCerts::PlatformVerifier)
        .build();
    ureq::Agent::config_builder()
        .timeout_global(Some(options.timeout))
        .max_redirects(options.max_redirects)
        .max_redirects_will_error(true)
        .http_status_as_error(false)
        .tls_config(tls)
        .user_agent(concat!("framediff/", env!("CARGO_PKG_VERSION")))
        .build()
        .new_agent()
}

fn map_error(url: &str, options: &FetchOptions, e: ureq::Error) -> FetchError {
    let url = url.to_string();
    match e {
        ureq::Error::StatusCode(status) => FetchError::Status { url, status },
        ureq::Error::BadUri(reason) => FetchError::BadUrl { url, reason },
        ureq::Error::HostNotFound => FetchError::Dns { url },
        ureq::Error::Timeout(_) => FetchError::Timeout {
            url,
            seconds: options.timeout.as_secs().max(1),
        },
        ureq::Error::TooManyRedirects => FetchError::TooManyRedirects {
            url,
            limit: options.max_redirects,
        },
        ureq::Error::BodyExceedsLimit(_) => FetchError::TooLarge {
            url,
            limit: options.max_bytes,
        },
        ureq::Error::Tls(m) => FetchError::Tls {
            url,
            message: m.to_string(),
        },
        ureq::Error::Rustls(e) => FetchError::Tls {
            url,
            message: e.to_string(),
        },
        ureq::Error::Io(e) if e.kind() == std::io::ErrorKind::TimedOut => FetchError::Timeout {
            url,
            seconds: options.timeout.as_secs().max(1),
        },
        // rustls reports handshake failures as invalid data on the socket
        ureq::Error::Io(e)
            if e.kind() == std::io::ErrorKind::InvalidData
                && url.to_ascii_lowercase().starts_with("https://") =>
        {
            FetchError::Tls {
                url,
                message: e.to_string(),
            }
        }
        ureq::Error::Io(e) => FetchError::Connect {
            url,
            message: e.to_string(),
        },
        ureq::Error::ConnectionFailed => FetchError::Connect {
            url,
            message: "the connection failed".into(),
        },
        other => FetchError::Network {
            url,
            message: other.to_string(),
        },
    }
}

/// A fetched response body with what the server said about it.
#[derive(Debug, Clone)]
pub struct Fetched {
    pub bytes: Vec<u8>,
    /// The media type, lower-case, without parameters ("" when the server names none).
    pub mime: String,
    /// The charset parameter of the Content-Type header, if any.
    pub charset: Option<String>,
}

/// Fetches the body at `url` within the limits (status 2xx only).
pub fn fetch_bytes(url: &str, options: &FetchOptions) -> Result<Fetched, FetchError> {
    let url = url.trim();
    if !is_url(url) {
        return Err(FetchError::BadUrl {
            url: url.to_string(),
            reason: "it does not start with http:// or https://".into(),
        });
    }
    let mut response = agent(options)
        .get(url)
        .call()
        .map_err(|e| map_error(url, options, e))?;
    let status = response.status().as_u16();
    if !(200..300).contains(&status) {
        return Err(FetchError::Status {
            url: url.to_string(),
            status,
        });
    }
    let body = response.body_mut();
    if body.content_length().is_some_and(|n| n > options.max_bytes) {
        return Err(FetchError::TooLarge {
            url: url.to_string(),
            limit: options.max_bytes,
        });
    }
    let mime = body.mime_type().unwrap_or_default().to_ascii_lowercase();
    let charset = body.charset().map(str::to_string);
    let bytes = body
        .with_config()
        .limit(options.max_bytes)
        .read_to_vec()
        .map_err(|e| map_error(url, options, e))?;
    Ok(Fetched {
        bytes,
        mime,
        charset,
    })
}

/// Fetches the page at `url` and reads it as an article whose `path` and `url` are `url`.
pub fn fetch_article(url: &str, options: &FetchOptions) -> Result<Article, FetchError> {
    let url = url.trim();
    let Fetched {
        bytes,
        mime,
        charset,
    } = fetch_bytes(url, options)?;
    let kind = kind_of(&mime, &bytes).ok_or_else(|| FetchError::Unsupported {
        url: url.to_string(),
        content_type: if mime.is_empty() {
            "unknown".into()
        } else {
            mime.clone()
        },
    })?;
    let (name, bytes) = match kind {
        Kind::Pdf => ("page.pdf", bytes),
        Kind::Html => ("page.html", to_utf8(bytes, charset.as_deref(), true)),
        Kind::Text => ("page.txt", to_utf8(bytes, charset.as_deref(), false)),
        Kind::Markdown => ("page.md", to_utf8(bytes, charset.as_deref(), false)),
    };
    let mut article = ingest::ingest(name, &bytes).map_err(|e| FetchError::NotAnArticle {
        url: url.to_string(),
        problem: e.problem,
    })?;
    article.path = url.to_string();
    article.url = Some(url.to_string());
    Ok(article)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_and_kinds() {
        assert!(is_url("https://example.org/a"));
        assert!(is_url("HTTP://example.org"));
        assert!(!is_url("example.org/a.html"));
        assert!(!is_url("/tmp/https.txt"));
        assert_eq!(kind_of("text/html", b""), Some(Kind::Html));
        assert_eq!(kind_of("image/png", b"\x89PNG"), None);
        assert_eq!(kind_of("", b"%PDF-1.4"), Some(Kind::Pdf));
        assert_eq!(kind_of("application/octet-stream", b"\x00\x01"), None);
    }

    #[test]
    fn errors_are_typed() {
        let o = FetchOptions::default();
        assert_eq!(
            map_error("http://x.invalid/", &o, ureq::Error::HostNotFound),
            FetchError::Dns {
                url: "http://x.invalid/".into()
            }
        );
        assert!(matches!(
            map_error("u", &o, ureq::Error::TooManyRedirects),
            FetchError::TooManyRedirects { limit: 5, .. }
        ));
        assert!(matches!(
            map_error("u", &o, ureq::Error::Tls("bad certificate")),
            FetchError::Tls { .. }
        ));
        assert!(matches!(
            fetch_article("ftp://example.org/a", &o),
            Err(FetchError::BadUrl { .. })
        ));
    }

    #[test]
    fn charsets() {
        let latin1 = b"<p>caf\xe9</p>".to_vec();
        assert_eq!(
            to_utf8(latin1.clone(), Some("ISO-8859-1"), true),
            "<p>café</p>".as_bytes()
        );
        // declared UTF-8 but the bytes are not: left to the core's detection
        assert_eq!(to_utf8(latin1.clone(), Some("utf-8"), true), latin1);
        let meta = b"<meta charset=\"windows-1252\"><p>\x93quoted\x94</p>".to_vec();
        assert!(
            String::from_utf8(to_utf8(meta, None, true))
                .unwrap()
                .contains("“quoted”")
        );
    }
}
