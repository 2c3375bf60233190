#!/usr/bin/env bash
# Scale benchmark (issue 13): 50, 200 and 1,000 articles made from BASIL dev and rewritten copies
# of it (benches/scale/corpus.py), each as a whole `framediff compare --format json` process:
# wall time (median of RUNS, hyperfine) and peak memory (/usr/bin/time). Reads
# ../shared/data/basil-dev (or $FRAMEDIFF_BASIL). Usage: benches/scale/run.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/../.."
basil=${FRAMEDIFF_BASIL:-../shared/data/basil-dev}
[ -d "$basil" ] || { echo "scale: BASIL dev data not found at $basil: skipped"; exit 0; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cargo build --release --quiet
for n in 50 200 1000; do
  python3 benches/scale/corpus.py "$basil" "$work/$n" "$n"
  hyperfine -w 1 -r "${1:-3}" -N --style basic \
    "target/release/framediff compare $work/$n --format json -o $work/$n.json" 2>&1 | grep -E "Time|Range"
  /usr/bin/time -f "$n articles: %e s, peak memory %M KB" \
    target/release/framediff compare "$work/$n" --format json -o "$work/$n.json"
  echo "$n articles: JSON $(du -k "$work/$n.json" | cut -f1) KB"
done
