"""Writes N articles for the scale benchmark (issue 13) from BASIL dev (../shared/data/basil-dev):
each BASIL article in turn, then rewritten copies of it (a few function words swapped, a copy
number in the title), as outlets rewriting the same wire copy would. Stories stay the size of a
BASIL triplet times the copies made, so a larger N means more stories, not larger ones.
Usage: python3 corpus.py BASIL_DIR OUT_DIR N [COPIES]"""
import glob
import json
import os
import re
import sys

basil, out, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
copies = int(sys.argv[4]) if len(sys.argv) > 4 else 5
files = sorted(glob.glob(os.path.join(basil, "articles", "*", "*.json")))
os.makedirs(out, exist_ok=True)
swaps = [("said", "says"), ("the", "a"), ("and", "as well as"), ("on", "upon"), ("after", "following")]
written = 0
# triplet by triplet: its three articles, then each rewritten copy of them
for start in range(0, len(files), 3):
    triplet = files[start : start + 3]
    for c in range(copies):
        for f in triplet:
            if written >= n:
                sys.exit(0)
            d = json.load(open(f))
            paras = d.get("body-paragraphs") or []
            body = "\n\n".join(" ".join(p) if isinstance(p, list) else str(p) for p in paras)
            title = d.get("title", "")
            if c:
                a, b = swaps[c % len(swaps)]
                body = re.sub(r"\b%s\b" % a, b, body)
                title = "%s (%d)" % (title, c)
            with open(os.path.join(out, "%05d.md" % written), "w") as fh:
                fh.write("---\ntitle: %s\ndate: %s\n---\n\n%s\n" % (json.dumps(title), d.get("date", "")[:10], body))
            written += 1
