#!/usr/bin/env python3
"""Compile Princeton WordNet 3.0 into the compact asset read by src/text/wordnet.rs.

Build-time only. Input: the database files of Debian's `wordnet-base` package
(`apt-get install wordnet-base`, files in /usr/share/wordnet). Output: assets/wordnet/.

What is kept (see tools/README.md):
- every synset of the four parts of speech that has at least one single-word lemma
  (lemmas containing '_' — multiword expressions — are dropped, since the analysis compares
  single word tokens); lemmas are lowercased, adjective markers "(a)", "(p)", "(ip)" removed;
  adjective satellites (type s) are stored as adjectives;
- per synset, the pointers the loader uses as evidence: hypernym '@' (nouns, verbs) and
  similar-to '&' (adjective clusters), remapped to line numbers, keeping only targets that are kept;
- the exception lists (noun.exc, verb.exc, adj.exc, adv.exc) entries whose inflected form and base
  form are single words and whose base form is a kept lemma of that part of speech.

Format of synsets.txt (UTF-8, one synset a line, line number = synset index from 0):
  <pos>\t<lemma> <lemma> ...\t<pointers>
  pos: n v a r; pointers: space-separated '@<index>' (hypernym) and '&<index>' (similar to).
Format of exceptions.txt: <pos>\t<inflected>\t<base> [<base> ...]
"""

from __future__ import annotations

import argparse
import hashlib
import os
import shutil

POS_FILES = {"n": "noun", "v": "verb", "a": "adj", "r": "adv"}
KEEP_POINTERS = {"@": "@", "&": "&"}


def clean_lemma(word: str) -> str:
    for marker in ("(a)", "(p)", "(ip)"):
        if word.endswith(marker):
            word = word[: -len(marker)]
    return word.lower()


def parse_data(path: str, pos: str):
    """Yield (offset, lemmas, [(symbol, target_offset, target_pos)])."""
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            if line.startswith("  "):  # licence header
                continue
            body = line.split(" | ", 1)[0].split()
            offset = body[0]
            w_cnt = int(body[3], 16)
            words = [clean_lemma(body[4 + 2 * i]) for i in range(w_cnt)]
            i = 4 + 2 * w_cnt
            p_cnt = int(body[i])
            i += 1
            ptrs = []
            for _ in range(p_cnt):
                sym, tgt, tpos = body[i], body[i + 1], body[i + 2]
                i += 4
                if tpos == "s":
                    tpos = "a"
                ptrs.append((sym, tgt, tpos))
            yield offset, words, ptrs


def sha256(path: str) -> str:
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--wordnet", default="/usr/share/wordnet")
    ap.add_argument("--out", default="assets/wordnet")
    args = ap.parse_args()

    synsets = []  # (pos, offset, lemmas, ptrs)
    for pos, name in POS_FILES.items():
        for offset, words, ptrs in parse_data(os.path.join(args.wordnet, f"data.{name}"), pos):
            single = []
            for w in words:
                if "_" not in w and w not in single:
                    single.append(w)
            if single:
                synsets.append((pos, offset, single, ptrs))
    index = {(pos, off): i for i, (pos, off, _, _) in enumerate(synsets)}
    lemmas = {p: set() for p in POS_FILES}
    for pos, _, words, _ in synsets:
        lemmas[pos].update(words)

    os.makedirs(args.out, exist_ok=True)
    n_ptr = 0
    with open(os.path.join(args.out, "synsets.txt"), "w", encoding="utf-8") as f:
        for pos, _, words, ptrs in synsets:
            out = []
            for sym, tgt, tpos in ptrs:
                if sym in KEEP_POINTERS and (tpos, tgt) in index:
                    out.append(f"{KEEP_POINTERS[sym]}{index[(tpos, tgt)]}")
            n_ptr += len(out)
            f.write(f"{pos}\t{' '.join(words)}\t{' '.join(out)}\n")

    n_exc = 0
    with open(os.path.join(args.out, "exceptions.txt"), "w", encoding="utf-8") as f:
        for pos, name in POS_FILES.items():
            with open(os.path.join(args.wordnet, f"{name}.exc"), encoding="utf-8") as exc:
                for line in exc:
                    parts = line.split()
                    if len(parts) < 2 or "_" in parts[0]:
                        continue
                    bases = [b for b in parts[1:] if "_" not in b and b in lemmas[pos]]
                    if bases and parts[0] != " ".join(bases):
                        f.write(f"{pos}\t{parts[0]}\t{' '.join(bases)}\n")
                        n_exc += 1

    # Licence: WordNet's own licence text, as shipped by Debian.
    license_src = os.path.join(args.wordnet, "..", "doc", "wordnet-base", "copyright")
    with open(license_src, encoding="utf-8") as f:
        text = f.read()
    start = text.index("License: WordNet3.0")
    end = text.index("Files: debian/*")
    licence = "\n".join(
        line[1:] if line.startswith(" ") else line for line in text[start:end].strip().splitlines()
    ).replace("\n.\n", "\n\n")
    with open(os.path.join(args.out, "LICENSE"), "w", encoding="utf-8") as f:
        f.write("WordNet Release 3.0\n\n" + licence.split("\n", 1)[1].strip() + "\n")

    files = ["synsets.txt", "exceptions.txt"]
    notice = (
        "Derived from Princeton WordNet 3.0 (Copyright 2006 by Princeton University), as packaged in\n"
        "Debian's wordnet-base (files data.{noun,verb,adj,adv} and *.exc in /usr/share/wordnet).\n"
        "Licence: the WordNet 3.0 licence in LICENSE beside this file.\n\n"
        "Reduced by tools/build_wordnet.py: single-word lemmas only (lowercased), all synsets that keep\n"
        "at least one lemma, hypernym (@) and similar-to (&) pointers, exception-list entries whose base\n"
        f"form is kept. {len(synsets)} synsets, {sum(len(v) for v in lemmas.values())} (pos, lemma)\n"
        f"pairs, {n_ptr} pointers, {n_exc} exceptions.\n\n"
        + "".join(
            f"  {name:15} {os.path.getsize(os.path.join(args.out, name))} bytes, sha256 {sha256(os.path.join(args.out, name))}\n"
            for name in files
        )
        + "Source files:\n"
        + "".join(
            f"  data.{n:5} sha256 {sha256(os.path.join(args.wordnet, 'data.' + n))}\n" for n in POS_FILES.values()
        )
    )
    with open(os.path.join(args.out, "NOTICE"), "w", encoding="utf-8") as f:
        f.write(notice)
    print(notice)


if __name__ == "__main__":
    shutil.os.umask(0o022)
    main()
