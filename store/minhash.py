"""MinHash over character 5-grams of a body's paragraphs, and LSH band keys: what datasketch computes, in numpy.

A pure function of a cleaned body, so the extraction workers sign every body beside the rest of extraction; the
story step (store.stories) compares signatures and looks candidates up by band. No SQL here.
"""
from __future__ import annotations

import hashlib
from functools import cache

import numpy as np

NUM_PERM = 64  # 256 bytes a signature; Jaccard estimates within ~±0.06
SHINGLE = 5  # characters
LSH_THRESHOLD = 0.4  # bands (b, r) chosen by datasketch for this Jaccard (16 x 4): text candidates; a reprint at
# 0.7 is missed with probability 1%, while templated news at 0.15 rarely comes up (the rest is entities and figures)
MIN_SHINGLES = 30  # fewer shingles (a body of one short line): only exact copies are detected
_MERSENNE = np.uint64((1 << 61) - 1)


LSH_BANDS, LSH_ROWS = 16, 4  # datasketch's MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM) layout (a test checks)


@cache
def _permutations() -> tuple[np.ndarray, np.ndarray]:
    """The (a, b) of datasketch's MinHash(num_perm=NUM_PERM, seed=1, scheme="affine32"), made as it makes them (a
    test checks): importing datasketch pulls scipy in, 1-2 s in every process that signs a body."""
    gen = np.random.RandomState(1)
    a = gen.randint(0, 1 << 31, NUM_PERM, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
    b = gen.randint(0, 1 << 32, NUM_PERM, dtype=np.uint32)
    return a, b


def squeeze(text: str) -> str:
    return "".join(text.split())


def paragraph_key(text: str) -> int:
    """A paragraph's identity for boilerplate counting: its text without whitespace, hashed to 63 bits."""
    return int.from_bytes(hashlib.blake2b(squeeze(text).encode(), digest_size=8).digest(), "big") >> 1


def paragraph_keys(body: str) -> list[int]:
    return [paragraph_key(p) for p in body.split("\n\n")]


def shingle_hashes(texts: list[str]) -> np.ndarray:
    """32-bit hashes of the character 5-grams of each text (whitespace removed; none across texts)."""
    joined = "\x00".join(squeeze(t) for t in texts)  # NUL never survives cleaning: a safe boundary
    if len(joined) < SHINGLE:
        return np.zeros(0, dtype=np.uint32)
    codes = np.frombuffer(joined.encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
    n = len(codes) - SHINGLE + 1
    # a polynomial over the 5 code points, mod 2^61-1: deterministic across processes. A code point is < 2^21 and
    # the multiplier < 2^20, so after two steps h < 2^42 < 2^61-1: those steps' "% _MERSENNE" changed nothing and
    # are left out (a uint64 modulo is the costly part of this loop); the later steps wrap in uint64 as before.
    h = codes[0:n] * np.uint64(1_000_003) + codes[1:1 + n]
    for k in range(2, SHINGLE):
        h = (h * np.uint64(1_000_003) + codes[k:k + n]) % _MERSENNE
    boundary = np.concatenate(([0], np.cumsum(codes == 0)))
    within = boundary[SHINGLE:SHINGLE + n] == boundary[:n]  # no NUL inside the window
    # not made unique: a repeated shingle leaves a minimum unchanged, and sorting cost more than the repeats
    return (h[within] & np.uint64(0xFFFFFFFF)).astype(np.uint32)


_MINHASH_BLOCK = 4096  # shingles permuted at once: a 1 MB temporary whatever the body's length


def signature(hashes: np.ndarray) -> np.ndarray:
    """The MinHash of a set of 32-bit shingle hashes: what datasketch's MinHash.update_batch gives with its
    permutations (scheme affine32: MurmurHash3's finalizer, then a*h+b mod 2^32 per permutation), computed
    over the whole array in numpy. update_batch calls the hash function in Python once per shingle, which
    cost 2.5x the rest; tests/test_stories.py checks the two agree."""
    a, b = _permutations()
    # a long body repeats itself (a 3 MB page of one text pasted over and over): each distinct shingle once
    h = np.unique(hashes) if len(hashes) > _MINHASH_BLOCK * 4 else hashes.astype(np.uint32)  # a copy: mixed in place
    h ^= h >> np.uint32(16)
    h *= np.uint32(0x85EBCA6B)
    h ^= h >> np.uint32(13)
    h *= np.uint32(0xC2B2AE35)
    h ^= h >> np.uint32(16)
    values = np.full(NUM_PERM, 0xFFFFFFFF, dtype=np.uint32)
    for start in range(0, len(h), _MINHASH_BLOCK):
        np.minimum(values, (h[start:start + _MINHASH_BLOCK, None] * a + b).min(axis=0), out=values)
    return values


def body_signature(body: str, leave_out: set[int] | frozenset[int] = frozenset()) -> np.ndarray | None:
    """A body's signature over its paragraphs but those whose key is left out (boilerplate); None when fewer
    than MIN_SHINGLES shingles remain. Extraction workers sign every body with nothing left out (a pure
    function of the cleaned body, so it runs beside the rest of extraction); the story step signs again only
    a body that holds boilerplate."""
    paragraphs = body.split("\n\n")
    if leave_out:
        paragraphs = [p for p in paragraphs if paragraph_key(p) not in leave_out]
    hashes = shingle_hashes(paragraphs)
    return signature(hashes) if len(hashes) >= MIN_SHINGLES else None


def band_keys(sig: np.ndarray) -> list[int]:
    """One key per LSH band (datasketch's band layout for LSH_THRESHOLD); the band number is part of the key."""
    keys = []
    for band in range(LSH_BANDS):
        start, end = band * LSH_ROWS, (band + 1) * LSH_ROWS
        digest = hashlib.blake2b(bytes([band]) + sig[start:end].tobytes(), digest_size=8).digest()
        keys.append(int.from_bytes(digest, "big") >> 1)
    return keys


def similarity(a: np.ndarray, b: np.ndarray) -> float:
    """Estimated Jaccard similarity of two bodies' shingle sets."""
    return float(np.count_nonzero(a == b)) / NUM_PERM
