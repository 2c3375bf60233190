#!/usr/bin/env python3
"""Writes assets/text/vader_lexicon.tsv: every entry of the VADER sentiment lexicon (Hutto and
Gilbert, ICWSM-14) with its mean valence; assets/text/vader_rules.tsv: the word lists VADER's
rules read (negations, boosters and dampeners, special-case idioms); and
assets/text/LICENSE-VADER, their licence (MIT).

framediff scores tone with its own implementation of VADER's rules (src/frame/vader.rs), which
reads both files; text outside what it covers goes to the `vader-parity` crate. The strongly
polar words are also loaded-word cues (src/frame/lexicon.rs), and the whole list tells a
sentence VADER would score 0 without running it (src/frame/tone.rs).

Source: the PyPI sdist vaderSentiment-3.3.2.tar.gz, the release `vader-parity` pins
(`pip download --no-deps --no-binary :all: vaderSentiment==3.3.2`). The script checks the
sdist's SHA-256 and the lexicon's before writing.

    python3 tools/build_vader_words.py vaderSentiment-3.3.2.tar.gz
"""
import ast
import hashlib
import sys
import tarfile
from pathlib import Path

SDIST_SHA256 = "5d7c06e027fc8b99238edb0d53d970cf97066ef97654009890b83703849632f9"
LEXICON_SHA256 = "1ec9c6e9ee19aade328f8beb393a6afa71a5bb3acf7d3cc22d4ef568df374bf5"
ROOT = Path(__file__).resolve().parent.parent


def main(sdist: str) -> None:
    data = Path(sdist).read_bytes()
    if hashlib.sha256(data).hexdigest() != SDIST_SHA256:
        sys.exit(f"{sdist}: not the vaderSentiment 3.3.2 sdist (SHA-256 differs)")
    with tarfile.open(sdist) as tar:
        lexicon = tar.extractfile("vaderSentiment-3.3.2/vaderSentiment/vader_lexicon.txt").read()
        licence = tar.extractfile("vaderSentiment-3.3.2/LICENSE.txt").read()
        module = tar.extractfile("vaderSentiment-3.3.2/vaderSentiment/vaderSentiment.py").read()
    if hashlib.sha256(lexicon).hexdigest() != LEXICON_SHA256:
        sys.exit("vader_lexicon.txt: SHA-256 differs from the 3.3.2 release")
    out = [
        "# The VADER sentiment lexicon (Hutto and Gilbert, ICWSM-14), vaderSentiment 3.3.2: every",
        "# entry with its mean valence (-4 most negative .. +4 most positive), as VADER scores it.",
        "# Licence: MIT (LICENSE-VADER beside this file). Built by tools/build_vader_words.py from",
        f"# the PyPI sdist vaderSentiment-3.3.2.tar.gz (SHA-256 {SDIST_SHA256});",
        "# do not edit by hand. Format: token<TAB>valence.",
    ]
    for line in lexicon.decode("utf-8").splitlines():
        fields = line.split("\t")
        if len(fields) >= 2 and fields[0]:
            float(fields[1])
            out.append(f"{fields[0]}\t{fields[1]}")
    text_dir = ROOT / "assets" / "text"
    (text_dir / "vader_lexicon.tsv").write_text("\n".join(out) + "\n", encoding="utf-8")
    (text_dir / "LICENSE-VADER").write_bytes(licence)
    print(f"{len(out) - 5} entries")
    rules = rule_lines(module.decode("utf-8"))
    (text_dir / "vader_rules.tsv").write_text("\n".join(rules) + "\n", encoding="utf-8")
    print(f"{sum(1 for r in rules if not r.startswith('#'))} rule entries")


def rule_lines(source: str) -> list:
    """The module's NEGATE, BOOSTER_DICT and SPECIAL_CASES, read from its syntax tree (no code of
    it runs): one `list<TAB>entry[<TAB>value]` line each, values as Python writes them, so an
    integer stays an integer (VADER's sum treats integers and floats differently)."""
    tree = ast.parse(source)
    consts = {}
    found = {}
    for node in tree.body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1:
            name = getattr(node.targets[0], "id", None)
            if name in ("B_INCR", "B_DECR"):
                consts[name] = ast.literal_eval(node.value)
            elif name in ("NEGATE", "BOOSTER_DICT", "SPECIAL_CASES"):
                found[name] = node.value
    out = [
        "# The word lists of VADER's rules, vaderSentiment 3.3.2 (Hutto and Gilbert, ICWSM-14):",
        "# negations (NEGATE), boosters and dampeners with their increments (BOOSTER_DICT), and",
        "# special-case idioms with the valence they take (SPECIAL_CASES). Licence: MIT",
        "# (LICENSE-VADER beside this file). Built by tools/build_vader_words.py from the PyPI sdist",
        f"# vaderSentiment-3.3.2.tar.gz (SHA-256 {SDIST_SHA256}); do not edit by hand.",
        "# Format: list<TAB>entry[<TAB>value]; a value without a decimal point is a Python integer.",
    ]
    for word in ast.literal_eval(found["NEGATE"]):
        out.append(f"negate\t{word}")
    booster = found["BOOSTER_DICT"]
    for key, value in zip(booster.keys, booster.values):
        out.append(f"booster\t{ast.literal_eval(key)}\t{consts[value.id]!r}")
    for word, value in ast.literal_eval(found["SPECIAL_CASES"]).items():
        out.append(f"idiom\t{word}\t{value!r}")
    return out


if __name__ == "__main__":
    main(sys.argv[1])
