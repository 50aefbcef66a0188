"""MinHash signatures and a streaming LSH index over them (numpy only).

* Shingles are runs of :data:`SHINGLE_WORDS` consecutive lower-cased words; each word is hashed
  with CRC-32 and a shingle's hash combines its words' hashes (polynomial, mod 2**32).
* A signature is the minimum of ``num_perm`` random hash functions over the shingle hashes
  (Broder 1997). Each is a multiply-shift hash ``((a*x + b) mod 2**64) >> 32`` with random
  64-bit ``a``, ``b`` (Dietzfelbinger 1996: strongly universal on 32-bit keys, and exact in
  numpy's wrapping uint64 arithmetic; ``(a*x + b) mod p`` with small ``a`` was measured to
  bias the estimates badly, e.g. 0.58 for a true Jaccard of 0.76).
* LSH splits a signature into ``bands`` bands of ``rows`` rows; two texts become candidates when
  any band matches (Indyk & Motwani 1998). A candidate is then verified on its stored *b-bit*
  signature (the low 8 bits of each minimum; Li & König 2010), which estimates Jaccard
  similarity in 1 byte per permutation instead of 4.
* Band keys live in :class:`HashIndex`: sorted numpy arrays (12 bytes an entry) plus a small
  dict of recent inserts that is merged in as it grows, so memory stays linear and small.
"""

from __future__ import annotations

import re
import zlib
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

# 5-word shingles: the usual choice for near-duplicate news (Broder's web-page studies used
# word shingles of 4-10; 5 keeps one edited word from touching more than 5 shingles).
SHINGLE_WORDS = 5
_MASK_32 = np.uint64(0xFFFFFFFF)
_WORD = re.compile(r"\w+")
# Entries kept in the insert buffer before it is merged into the sorted arrays. A dict entry
# costs ~100 bytes against 12 in the arrays: 2**16 entries are ~7 MB, the band keys of ~2,000
# canonical articles. Measured on 100,000 articles of thucydides.synth.corpus (2.2 million band
# keys): the former bound (an eighth of the sorted part, up to 2**20 entries) reached 217,000
# entries and the index 112 MB of RSS; with this one it held 74 MB (39 MB of arrays), and its
# 36 merges cost ~0.02 s each at the end (one copy of the arrays, no full sort).
MAX_BUFFER = 1 << 16
# Signatures are stored in chunks of this many rows, so growing never copies them all.
SIGNATURE_CHUNK = 1 << 14
# Shingles hashed at once: caps the temporary matrix at num_perm * 4096 * 8 bytes (4 MB).
SHINGLE_BLOCK = 4096
# b-bit signatures: the number of distinct values of one stored byte.
BBIT_VALUES = 256

U64 = NDArray[np.uint64]


def word_hashes(text: str) -> U64:
    """CRC-32 of each lower-cased word of ``text``."""
    words = _WORD.findall(text.casefold())
    return np.fromiter((zlib.crc32(w.encode("utf-8")) for w in words), np.uint64, len(words))


def shingle_hashes(text: str, size: int = SHINGLE_WORDS) -> U64:
    """32-bit hashes of the distinct ``size``-word shingles (one shingle for shorter texts)."""
    words = word_hashes(text)
    if len(words) == 0:
        return words
    if len(words) < size:
        size = len(words)
    count = len(words) - size + 1
    combined = np.zeros(count, np.uint64)
    for offset in range(size):  # h = ((w0 * P + w1) * P + w2) ...  mod 2**64
        combined = combined * np.uint64(1_000_003) + words[offset : offset + count]
    return np.unique((combined ^ (combined >> np.uint64(32))) & _MASK_32)


@dataclass(frozen=True)
class MinHasher:
    """Random universal hash functions, fixed by ``seed`` (so signatures are reproducible).

    Attributes:
        num_perm: Number of hash functions (signature length).
        seed: Seed of the coefficients.
    """

    num_perm: int = 120
    seed: int = 1

    def coefficients(self) -> tuple[U64, U64]:
        rng = np.random.default_rng(self.seed)
        top = np.iinfo(np.uint64).max
        a = rng.integers(0, top, self.num_perm, dtype=np.uint64, endpoint=True)
        b = rng.integers(0, top, self.num_perm, dtype=np.uint64, endpoint=True)
        return a, b

    def signature(self, shingles: U64, coefficients: tuple[U64, U64]) -> NDArray[np.uint32]:
        """The MinHash signature of a set of shingle hashes (all ones for an empty set)."""
        if len(shingles) == 0:
            return np.full(self.num_perm, 0xFFFFFFFF, np.uint32)
        a, b = coefficients
        best = np.full(self.num_perm, 0xFFFFFFFF, np.uint64)
        for start in range(0, len(shingles), SHINGLE_BLOCK):  # bounded temporaries
            block = shingles[start : start + SHINGLE_BLOCK]
            values = (np.outer(a, block) + b[:, None]) >> np.uint64(32)  # wraps mod 2**64
            best = np.minimum(best, values.min(axis=1))
        return best.astype(np.uint32)


def bbit_similarity(left: NDArray[np.uint8], right: NDArray[np.uint8]) -> float:
    """Jaccard estimate from two 8-bit signatures (Li & König 2010, large-set form)."""
    match = float(np.mean(left == right))
    chance = 1.0 / BBIT_VALUES
    return max(0.0, (match - chance) / (1.0 - chance))


class HashIndex:
    """A uint64 -> uint32 map for tens of millions of keys: first value written wins.

    Recent inserts sit in a dict; when it holds more than :data:`MAX_BUFFER` entries it is
    merged into two sorted numpy arrays (one copy of each, so memory stays near 12 bytes an
    entry).
    """

    def __init__(self, keys: U64 | None = None, values: NDArray[np.uint32] | None = None) -> None:
        self._keys: U64 = np.empty(0, np.uint64) if keys is None else keys
        self._values: NDArray[np.uint32] = np.empty(0, np.uint32) if values is None else values
        self._buffer: dict[int, int] = {}

    def __len__(self) -> int:
        return len(self._keys) + len(self._buffer)

    def get(self, key: int) -> int | None:
        """The value stored for ``key``, or None."""
        found = self.get_many(np.array([key], np.uint64))
        return found[0]

    def get_many(self, keys: U64) -> list[int | None]:
        """The values stored for each of ``keys`` (None where absent)."""
        out: list[int | None] = [None] * len(keys)
        if len(self._keys):
            where = np.searchsorted(self._keys, keys)
            where = np.minimum(where, len(self._keys) - 1)
            hit = self._keys[where] == keys
            for index in np.flatnonzero(hit).tolist():
                out[index] = int(self._values[where[index]])
        for index, key in enumerate(keys.tolist()):
            if out[index] is None:
                out[index] = self._buffer.get(key)
        return out

    def add_many(self, keys: U64, value: int) -> None:
        """Store ``value`` under each key that holds nothing yet."""
        for key, present in zip(keys.tolist(), self.get_many(keys), strict=True):
            if present is None:
                self._buffer.setdefault(key, value)
        if len(self._buffer) > MAX_BUFFER:
            self.flush()

    def flush(self) -> None:
        """Merge the insert buffer into the sorted arrays."""
        if not self._buffer:
            return
        count = len(self._buffer)
        keys = np.fromiter(self._buffer, np.uint64, count)
        values = np.fromiter(self._buffer.values(), np.uint32, count)
        self._buffer.clear()
        order = np.argsort(keys)
        keys, values = keys[order], values[order]
        # Buffered keys are never in the sorted part (add_many checks), so inserting each
        # before its successor keeps the arrays sorted; one new array each, no full sort.
        where = np.searchsorted(self._keys, keys)
        self._keys = np.insert(self._keys, where, keys)
        self._values = np.insert(self._values, where, values)

    def arrays(self) -> tuple[U64, NDArray[np.uint32]]:
        """The whole map as sorted (keys, values) arrays (flushes first)."""
        self.flush()
        return self._keys, self._values

    @property
    def nbytes(self) -> int:
        """Bytes held by the sorted arrays (the buffer is bounded separately)."""
        return int(self._keys.nbytes + self._values.nbytes)


class SignatureStore:
    """Append-only rows of 8-bit signatures, in fixed-size chunks."""

    def __init__(self, width: int, rows: NDArray[np.uint8] | None = None) -> None:
        self.width = width
        self._chunks: list[NDArray[np.uint8]] = []
        self._count = 0
        if rows is not None:
            for row in rows:
                self.append(row)

    def __len__(self) -> int:
        return self._count

    def append(self, row: NDArray[np.uint8]) -> int:
        """Store a row; returns its number."""
        chunk, offset = divmod(self._count, SIGNATURE_CHUNK)
        if chunk == len(self._chunks):
            self._chunks.append(np.zeros((SIGNATURE_CHUNK, self.width), np.uint8))
        self._chunks[chunk][offset] = row
        self._count += 1
        return self._count - 1

    def __getitem__(self, number: int) -> NDArray[np.uint8]:
        chunk, offset = divmod(number, SIGNATURE_CHUNK)
        return self._chunks[chunk][offset]

    def array(self) -> NDArray[np.uint8]:
        """All rows as one array."""
        if not self._chunks:
            return np.zeros((0, self.width), np.uint8)
        return np.concatenate(self._chunks)[: self._count]
