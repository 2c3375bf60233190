#!/usr/bin/env python3
"""The peer framediff's speed is compared with: a plain scikit-learn TF-IDF + cosine pipeline over
the same article files (document similarity for story grouping, sentence similarity for passage
alignment: each sentence's best partner in every other article). It builds no topics, labels or
framing. Usage: tfidf_peer.py FILE... > out.json. Development tooling only."""
import json, re, sys
import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics.pairwise import cosine_similarity

docs, sents, owner = [], [], []
for i, path in enumerate(sys.argv[1:]):
    text = open(path, encoding="utf-8").read()
    if text.startswith("---"):
        text = text.split("\n---", 1)[-1]
    docs.append(text)
    for s in re.split(r"(?<=[.!?\"”’'])\s+(?=[\"“A-Z0-9])", text):
        if s.strip():
            sents.append(s.strip())
            owner.append(i)

doc_sim = cosine_similarity(TfidfVectorizer(stop_words="english").fit_transform(docs))
sv = TfidfVectorizer(stop_words="english").fit_transform(sents)
sim = cosine_similarity(sv, dense_output=False).tocoo()
owner = np.array(owner)
k, j, s = sim.row, sim.col, sim.data
keep = (owner[k] != owner[j]) & (s > 0.3) & (doc_sim[owner[k], owner[j]] > 0.2)
k, j, s = k[keep], j[keep], s[keep]
# best partner of each sentence in every other article
order = np.lexsort((-s, owner[j], k))
k, j, s = k[order], j[order], s[order]
first = np.ones(len(k), dtype=bool)
first[1:] = (k[1:] != k[:-1]) | (owner[j][1:] != owner[j][:-1])
pairs = [[int(a), int(b), float(c)] for a, b, c in zip(k[first], j[first], s[first])]
json.dump({"documents": len(docs), "sentences": len(sents), "pairs": pairs}, sys.stdout)
