#!/usr/bin/env python3
"""List the words ending in "-ly" that Princeton WordNet 3.0 knows, with their parts of speech,
for the manner-adverb cue.

Build-time only. Input: assets/wordnet/synsets.txt (WordNet 3.0 compiled by build_wordnet.py;
its licence is in assets/wordnet/LICENSE). Output: assets/text/ly_words.txt, one lower-case word
a line, sorted, followed by the letters of its parts of speech (n noun, v verb, a adjective,
r adverb), with a header naming the source.

The cue "manner adverb" (src/frame/cues.rs) leaves out a word ending in "-ly" that WordNet knows
but not as an adverb (nouns such as "assembly", verbs such as "comply", adjectives such as
"costly"), and a word it knows as an adjective too ("deadly", "early"), whose use a sentence
cannot show without a part-of-speech tagger. Words WordNet does not list ("definitively") are
regular adverbs made from adjectives and stay.
"""

import argparse
import os

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--synsets", default=os.path.join(ROOT, "assets/wordnet/synsets.txt"))
    p.add_argument("--out", default=os.path.join(ROOT, "assets/text/ly_words.txt"))
    a = p.parse_args()
    pos_of: dict[str, set[str]] = {}
    with open(a.synsets, encoding="utf-8") as f:
        for line in f:
            fields = line.rstrip("\n").split("\t")
            if len(fields) < 2 or fields[0] not in ("n", "v", "a", "r"):
                continue
            for lemma in fields[1].split():
                if lemma.endswith("ly") and lemma.isalpha():
                    pos_of.setdefault(lemma, set()).add(fields[0])
    with open(a.out, "w", encoding="utf-8") as f:
        f.write("# Words ending in -ly listed by Princeton WordNet 3.0 with their parts of speech\n")
        f.write("# (n noun, v verb, a adjective, r adverb), from the synsets of\n")
        f.write("# assets/wordnet/synsets.txt (licence: assets/wordnet/LICENSE).\n")
        f.write("# Built by tools/build_ly_words.py; one word a line.\n")
        for w in sorted(pos_of):
            f.write(w + " " + "".join(sorted(pos_of[w])) + "\n")
    print(f"{len(pos_of)} words written to {a.out}")


if __name__ == "__main__":
    main()
