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

An adverb none of whose WordNet senses is glossed as one of manner or of degree gets the letter
"x" after its parts of speech ("ethnically r x": "with respect to ethnicity"). Quirk et al. 1985 (ch. 8)
tell manner adjuncts, which are paraphrased "in a ... manner" or "with ..." ("curtly": "in a
curt, abrupt and discourteous manner"; "angrily": "with anger"), and intensifiers (amplifiers
and downtoners: "to a great degree", "almost not") from viewpoint subjuncts ("with respect to
ethnicity"), focusing subjuncts ("without any others being included"), adjuncts of time and frequency
("at the same instant") and disjuncts ("from appearances alone"); the cue leaves the "x" words out.
The glosses are read from WordNet 3.0's data.adv and index.adv (Debian's wordnet-base, in
/usr/share/wordnet; --wordnet-dir). Every sense counts, since which one a sentence uses cannot
be told without sense disambiguation.
"""

import argparse
import os
import re

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# A gloss of manner: "in a curt ... manner", "in an important way", "with anger"; not "with
# respect to ethnicity", "with regard to emotions" (viewpoint).
MANNER = re.compile(r"^(in (\S+ )*?(manner|way|fashion)\b|with (?!(respect|regard|reference) to\b))")
# A gloss of degree: "to a small degree or extent", or one headed by one of Quirk's intensifiers
# ("almost not", "deeply or completely"), after an optional usage label in parentheses.
DEGREE = re.compile(
    r"\b(degree|extent)\b|^(\(.*?\) )?(almost|nearly|completely|totally|entirely|wholly|fully|"
    r"utterly|absolutely|very|extremely|deeply|greatly|highly|slightly|somewhat|partly|barely|"
    r"hardly|scarcely|rather|fairly|quite)\b"
)


def adverb_glosses(wordnet_dir: str) -> dict[str, list[str]]:
    """Each adverb lemma's sense glosses (the definition before the first ';')."""
    gloss: dict[str, str] = {}
    with open(os.path.join(wordnet_dir, "data.adv"), encoding="latin-1") as f:
        for line in f:
            if line.startswith("  "):
                continue
            body, _, text = line.partition(" | ")
            gloss[body.split()[0]] = text.split(";")[0].strip()
    out: dict[str, list[str]] = {}
    with open(os.path.join(wordnet_dir, "index.adv"), encoding="latin-1") as f:
        for line in f:
            if line.startswith(" "):
                continue
            fields = line.split()
            p_cnt = int(fields[3])
            offsets = fields[4 + p_cnt + 2 :]
            out[fields[0]] = [gloss[o] for o in offsets if o in gloss]
    return out


def manner_or_degree(glosses: list[str]) -> bool:
    return any(MANNER.search(g) or DEGREE.search(g) for g in glosses)


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--synsets", default=os.path.join(ROOT, "assets/wordnet/synsets.txt"))
    p.add_argument("--out", default=os.path.join(ROOT, "assets/text/ly_words.txt"))
    p.add_argument("--wordnet-dir", default="/usr/share/wordnet")
    a = p.parse_args()
    glosses = adverb_glosses(a.wordnet_dir)
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
        f.write("# An adverb followed by x: WordNet glosses none of its senses as one of manner or\n")
        f.write("# of degree (glosses from WordNet 3.0's data.adv and index.adv).\n")
        f.write("# Built by tools/build_ly_words.py; one word a line.\n")
        for w in sorted(pos_of):
            line = w + " " + "".join(sorted(pos_of[w]))
            if "r" in pos_of[w] and w in glosses and not manner_or_degree(glosses[w]):
                line += " x"
            f.write(line + "\n")
    print(f"{len(pos_of)} words written to {a.out}")


if __name__ == "__main__":
    main()
