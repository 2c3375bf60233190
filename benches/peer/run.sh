#!/usr/bin/env bash
# Speed side by side with the peer (issue 8): framediff's full `compare --format json` against a
# plain scikit-learn TF-IDF + cosine script over the very same files, both as whole processes.
# Needs python3 with scikit-learn and hyperfine; reads BASIL dev from ../shared/data/basil-dev
# (or $FRAMEDIFF_BASIL). Usage: benches/peer/run.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/../.."
basil=${FRAMEDIFF_BASIL:-../shared/data/basil-dev}
[ -d "$basil" ] || { echo "peer: BASIL dev data not found at $basil: skipped"; exit 0; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 benches/peer/export_basil.py "$basil" "$work/md"
cargo build --release --quiet
hyperfine -w 1 -r "${1:-10}" --export-json "${PEER_JSON:-/dev/null}" \
  "python3 benches/peer/tfidf_peer.py $work/md/*.md > $work/peer.json" \
  "target/release/framediff compare $work/md/*.md --format json > $work/framediff.json"
/usr/bin/time -f "framediff peak memory: %M KB" target/release/framediff compare "$work"/md/*.md --format json > /dev/null
/usr/bin/time -f "peer peak memory: %M KB" python3 benches/peer/tfidf_peer.py "$work"/md/*.md > /dev/null
