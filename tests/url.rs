//! Fetching articles from web addresses against an HTTP server on 127.0.0.1 started by the test
//! (no other address is ever contacted): a page, redirects, limits, charsets, failures.

use framediff::FetchError;
use framediff::fetch::{FetchOptions, fetch_article, fetch_bytes};
use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

const PAGE: &str = "<!DOCTYPE html><html><head><title>Harbour reopens after repairs | Example Gazette</title>\
<meta property=\"og:site_name\" content=\"Example Gazette\">\
<meta property=\"article:published_time\" content=\"2024-03-05T08:00:00Z\"></head><body>\
<nav><a href=\"/\">Home</a> <a href=\"/news\">News</a></nav><article><h1>Harbour reopens after repairs</h1>\
<p>The harbour of the old town reopened on Monday after a week of repairs to the main quay and the lock gates.</p>\
<p>Fishing boats returned in the morning, and the ferry to the islands is expected to run again from Wednesday.</p>\
<p>The port authority said the work had cost less than planned because the weather stayed calm all week.</p>\
</article><footer>Contact us</footer></body></html>";

/// Starts (once) the test server and returns its base address.
fn server() -> &'static str {
    static BASE: OnceLock<String> = OnceLock::new();
    BASE.get_or_init(|| {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1");
        let base = format!("http://{}", listener.local_addr().unwrap());
        std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                std::thread::spawn(move || {
                    let _ = handle(stream);
                });
            }
        });
        base
    })
}

fn respond(stream: &mut TcpStream, status: &str, headers: &[(&str, String)], body: &[u8]) {
    let mut head = format!("HTTP/1.1 {status}\r\nConnection: close\r\n");
    for (k, v) in headers {
        head.push_str(&format!("{k}: {v}\r\n"));
    }
    head.push_str("\r\n");
    let _ = stream.write_all(head.as_bytes());
    let _ = stream.write_all(body);
    let _ = stream.flush();
}

fn handle(mut stream: TcpStream) -> std::io::Result<()> {
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut request = String::new();
    reader.read_line(&mut request)?;
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line)? == 0 || line == "\r\n" {
            break;
        }
    }
    let path = request.split_whitespace().nth(1).unwrap_or("/").to_string();
    let html = |s: &str| vec![("Content-Type", s.to_string())];
    match path.as_str() {
        "/page" => respond(
            &mut stream,
            "200 OK",
            &[
                ("Content-Type", "text/html; charset=utf-8".into()),
                ("Content-Length", PAGE.len().to_string()),
            ],
            PAGE.as_bytes(),
        ),
        p if p.starts_with("/hop/") => {
            // /hop/N redirects to /hop/N-1, /hop/0 to the page
            let n: u32 = p[5..].parse().unwrap_or(0);
            let next = if n == 0 {
                "/page".to_string()
            } else {
                format!("/hop/{}", n - 1)
            };
            respond(
                &mut stream,
                "302 Found",
                &[("Location", next), ("Content-Length", "0".into())],
                b"",
            );
        }
        "/slow" => {
            std::thread::sleep(Duration::from_secs(3));
            respond(&mut stream, "200 OK", &html("text/html"), PAGE.as_bytes());
        }
        "/huge" => {
            // no Content-Length: the limit must hold while reading
            let _ = stream.write_all(
                b"HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Type: text/html\r\n\r\n<html><body><p>",
            );
            let chunk = vec![b'a'; 64 * 1024];
            for _ in 0..64 {
                if stream.write_all(&chunk).is_err() {
                    break;
                }
            }
        }
        "/announced-huge" => respond(
            &mut stream,
            "200 OK",
            &[
                ("Content-Type", "text/html".into()),
                ("Content-Length", (64 * 1024 * 1024).to_string()),
            ],
            b"<html>",
        ),
        "/latin1" | "/latin1-undeclared" | "/latin1-declared-utf8" => {
            let body = b"<html><body><h1>Caf\xe9 owners protest</h1><p>The owners of the caf\xe9s on the square said on Tuesday that the new rules would cost them half of their summer trade.</p><p>The council will vote on the rules next week after a debate that is expected to be long.</p></body></html>";
            let ct = match path.as_str() {
                "/latin1" => "text/html; charset=ISO-8859-1",
                "/latin1-undeclared" => "text/html",
                _ => "text/html; charset=utf-8",
            };
            respond(&mut stream, "200 OK", &html(ct), body);
        }
        "/pdf" => {
            let pdf = std::fs::read(
                std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                    .join("tests/fixtures/valdoria.pdf"),
            )?;
            respond(&mut stream, "200 OK", &html("application/pdf"), &pdf);
        }
        "/image" => respond(&mut stream, "200 OK", &html("image/png"), b"\x89PNG\r\n"),
        "/big" => {
            let mut body = String::from("<html><body><article><h1>A long report</h1>");
            let mut n = 0;
            while body.len() < 2 * 1024 * 1024 {
                n += 1;
                body.push_str(&format!("<p>On day {n} the committee heard evidence from engineers, residents and officials, and its report sets out what went wrong with bridge {n}.</p>"));
            }
            body.push_str("</article></body></html>");
            respond(
                &mut stream,
                "200 OK",
                &[
                    ("Content-Type", "text/html; charset=utf-8".into()),
                    ("Content-Length", body.len().to_string()),
                ],
                body.as_bytes(),
            );
        }
        _ => respond(
            &mut stream,
            "404 Not Found",
            &[("Content-Type", "text/plain".into())],
            b"not here",
        ),
    }
    Ok(())
}

fn url(path: &str) -> String {
    format!("{}{path}", server())
}

#[test]
fn a_page_becomes_an_article_with_its_url() {
    let u = url("/page");
    let a = fetch_article(&u, &FetchOptions::default()).unwrap();
    assert_eq!(a.url.as_deref(), Some(u.as_str()));
    assert_eq!(a.path, u);
    assert_eq!(a.title, "Harbour reopens after repairs");
    assert_eq!(a.date.as_deref(), Some("2024-03-05"));
    assert!(a.body.contains("ferry to the islands"), "{}", a.body);
}

#[test]
fn redirects_are_followed_up_to_the_limit() {
    let a = fetch_article(&url("/hop/3"), &FetchOptions::default()).unwrap();
    assert_eq!(a.title, "Harbour reopens after repairs");
    let e = fetch_article(&url("/hop/9"), &FetchOptions::default()).unwrap_err();
    assert!(
        matches!(e, FetchError::TooManyRedirects { limit: 5, .. }),
        "{e:?}"
    );
}

#[test]
fn a_slow_server_times_out() {
    let options = FetchOptions {
        timeout: Duration::from_millis(300),
        ..FetchOptions::default()
    };
    let started = Instant::now();
    let e = fetch_article(&url("/slow"), &options).unwrap_err();
    assert!(matches!(e, FetchError::Timeout { .. }), "{e:?}");
    assert!(started.elapsed() < Duration::from_secs(2));
}

#[test]
fn a_huge_body_is_refused_while_reading() {
    let options = FetchOptions {
        max_bytes: 1024 * 1024,
        ..FetchOptions::default()
    };
    let e = fetch_article(&url("/huge"), &options).unwrap_err();
    assert!(matches!(e, FetchError::TooLarge { .. }), "{e:?}");
    let e = fetch_article(&url("/announced-huge"), &FetchOptions::default()).unwrap_err();
    assert!(matches!(e, FetchError::TooLarge { .. }), "{e:?}");
}

#[test]
fn charset_from_header_or_detection() {
    for path in ["/latin1", "/latin1-undeclared", "/latin1-declared-utf8"] {
        let a = fetch_article(&url(path), &FetchOptions::default()).unwrap();
        assert!(a.body.contains("cafés"), "{path}: {}", a.body);
        assert!(!a.body.contains('\u{fffd}'), "{path}: {}", a.body);
    }
}

#[test]
fn status_and_content_type_failures() {
    let e = fetch_article(&url("/missing"), &FetchOptions::default()).unwrap_err();
    assert!(matches!(e, FetchError::Status { status: 404, .. }), "{e:?}");
    assert!(e.to_string().contains("404"));
    let e = fetch_article(&url("/image"), &FetchOptions::default()).unwrap_err();
    assert!(matches!(e, FetchError::Unsupported { .. }), "{e:?}");
    let a = fetch_article(&url("/pdf"), &FetchOptions::default()).unwrap();
    assert!(!a.sentences.is_empty());
}

#[test]
fn connection_and_tls_failures() {
    // a port that nobody listens on
    let closed = TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = closed.local_addr().unwrap();
    drop(closed);
    let e = fetch_article(&format!("http://{addr}/"), &FetchOptions::default()).unwrap_err();
    assert!(matches!(e, FetchError::Connect { .. }), "{e:?}");
    // TLS to a server that answers the handshake in plain HTTP
    let plain = TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = plain.local_addr().unwrap();
    std::thread::spawn(move || {
        if let Some(Ok(mut s)) = plain.incoming().next() {
            let _ = s.write_all(b"HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n");
            std::thread::sleep(Duration::from_millis(200));
        }
    });
    let e = fetch_article(&format!("https://{addr}/page"), &FetchOptions::default()).unwrap_err();
    println!("TLS to plain HTTP: {e:?}");
    assert!(matches!(e, FetchError::Tls { .. }), "{e:?}");
}

#[test]
fn two_megabytes_in_under_a_second() {
    let u = url("/big");
    let started = Instant::now();
    let fetched = fetch_bytes(&u, &FetchOptions::default()).unwrap();
    let elapsed = started.elapsed();
    println!(
        "fetched {} bytes in {:.3} s",
        fetched.bytes.len(),
        elapsed.as_secs_f64()
    );
    assert!(fetched.bytes.len() >= 2 * 1024 * 1024);
    assert!(elapsed < Duration::from_secs(1), "{elapsed:?}");
    let started = Instant::now();
    let a = fetch_article(&u, &FetchOptions::default()).unwrap();
    assert!(a.sentences.len() > 10_000, "{}", a.sentences.len());
    println!(
        "fetched and read as an article ({} sentences) in {:.3} s",
        a.sentences.len(),
        started.elapsed().as_secs_f64()
    );
}

#[test]
fn compare_fetches_web_addresses() {
    let u = url("/page");
    let missing = url("/missing");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_framediff"))
        .args(["compare", &u, &missing, "--format", "json"])
        .output()
        .unwrap();
    // one address read, one refused: exit code 1, the refusal named on stderr
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("404"), "{stderr}");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let articles = v["articles"].as_array().unwrap();
    assert_eq!(articles.len(), 1);
    assert_eq!(articles[0]["url"].as_str(), Some(u.as_str()));
    assert_eq!(
        articles[0]["title"].as_str(),
        Some("Harbour reopens after repairs")
    );
}
