//! libFuzzer target: text ingestion from arbitrary bytes (a panic or a hang is a finding).
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let _ = framediff::ingest::ingest("fuzz.txt", data);
});
