#!/usr/bin/env python3
"""Writes the BASIL articles (../shared/data/basil-dev or argv[1]) as Markdown files with front
matter into argv[2], so that `framediff compare` and the peer script read the very same files.
Development tooling for the speed comparison (benches/peer/run.sh); never used at run time."""
import json, pathlib, sys

src = pathlib.Path(sys.argv[1])
out = pathlib.Path(sys.argv[2])
out.mkdir(parents=True, exist_ok=True)
for p in sorted(src.glob("articles/*/*.json")):
    d = json.loads(p.read_text(encoding="utf-8"))
    paras = ["".join(s if s.endswith(" ") else s + " " for s in para).strip()
             for para in d.get("body-paragraphs", [])]
    title = d.get("title", "").replace('"', "'")
    front = f'---\ntitle: "{title}"\nsource: {d.get("source", "")}\ndate: {d.get("date", "")}\n---\n\n'
    (out / (p.stem + ".md")).write_text(front + "\n\n".join(x for x in paras if x) + "\n", encoding="utf-8")
