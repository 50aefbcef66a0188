"""Article-level deduplication: exact copies by content hash, near copies by MinHash LSH.

The first article seen is canonical; a later one is a copy of it when

* **exact**: its text, whitespace collapsed, hashes (BLAKE2b) to the same value; or
* **near**: it has at least ``min_words`` words, and comparing 5-word shingle sets with a
  canonical article's, their estimated Jaccard similarity is at least ``min_jaccard`` and at
  least ``min_overlap`` of the smaller set lies in the other (overlap coefficient). Overlap
  rather than Jaccard alone, because the commonest syndicated copy is the wire story trimmed
  from the bottom: cutting 2 of 7 paragraphs already drops Jaccard to 0.76 while overlap
  stays 1.0. The overlap is estimated from Jaccard and the two set sizes:
  ``|A n B| = J (|A| + |B|) / (1 + J)``.

Only canonical articles are indexed, so memory grows with the number of *distinct* articles:
per article 12 bytes of exact-hash index, ``bands`` x 12 bytes of band index, ``num_perm`` bytes
of 8-bit signature, 4 bytes of shingle count and its id string; with the defaults about 500
bytes plus the id (~60-100 bytes in CPython), i.e. roughly 0.6 GB per million distinct articles.
The index can be saved to and loaded from one ``.npz`` file so a resumed run keeps recognising
what it has seen.
"""

from __future__ import annotations

import hashlib
import json
from array import array
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Literal

import numpy as np
from numpy.typing import NDArray

from thucydides.ingest.minhash import (
    HashIndex,
    MinHasher,
    SignatureStore,
    bbit_similarity,
    shingle_hashes,
)

DuplicateKind = Literal["exact", "near"]


@dataclass(frozen=True)
class DedupConfig:
    """How similar two articles must be to count as one.

    Attributes:
        min_overlap: Least share of the smaller shingle set found in the other. 0.8, measured
            on the variants built in tests/test_ingest_dedup.py from one 228-word wire story
            (exact sets): syndicated copies (datelined + credit line, re-headlined + byline,
            trimmed by 1-3 paragraphs, 5 wording edits, trimmed and edited) had overlap >= 0.906;
            distinct stories had at most 0.621 (a follow-up reusing 3 background paragraphs:
            0.570; a templated bombing report with other place, day, toll: 0.621).
        min_jaccard: Least estimated Jaccard similarity, the floor below which LSH no longer
            finds candidates reliably: a copy keeping 4 of the 7 paragraphs (J = 0.57) was
            found with 7 of 8 MinHash seeds, one keeping 3 (J = 0.41) with none.
        num_perm: MinHash functions; the standard error of a Jaccard estimate is about
            sqrt(J(1-J)/num_perm): 0.046 at J = 0.5 and 0.037 at J = 0.8 with 120.
        bands: LSH bands (``num_perm / bands`` rows each). 30 x 4 makes a pair a candidate
            with probability 1-(1-J^4)^30: 0.86 at J = 0.5, 0.96 at 0.57, 1.0 at 0.8, and
            0.22 at J = 0.3 (a few extra verifications of merely related stories).
        shingle_words: Words per shingle.
        min_words: Shorter texts are only deduplicated exactly: one-sentence reports that
            differ in a single actor are different events yet share most of their shingles.
            50 words is about two news sentences (a judgement call).
        max_candidates: Candidates verified per article, best first by band order.
        seed: Seed of the MinHash functions (fixed: signatures must be comparable across runs).
    """

    min_overlap: float = 0.8
    min_jaccard: float = 0.5
    num_perm: int = 120
    bands: int = 30
    shingle_words: int = 5
    min_words: int = 50
    max_candidates: int = 8
    seed: int = 1


@dataclass(frozen=True)
class DuplicateCheck:
    """What deduplication found for one article.

    Attributes:
        content_hash: Hex BLAKE2b-128 of the whitespace-collapsed text.
        duplicate_of: Id of the canonical article this one copies, or None when it is new.
        kind: ``exact`` or ``near`` (None when new).
        similarity: Estimated overlap coefficient with the canonical article (1.0 for exact).
    """

    content_hash: str
    duplicate_of: str | None = None
    kind: DuplicateKind | None = None
    similarity: float | None = None


def content_hash(text: str) -> str:
    """Hex BLAKE2b-128 digest of ``text`` with runs of whitespace collapsed to one space."""
    normal = " ".join(text.split())
    return hashlib.blake2b(normal.encode("utf-8"), digest_size=16).hexdigest()


def estimated_overlap(jaccard: float, size_a: int, size_b: int) -> float:
    """Overlap coefficient |A n B| / min(|A|, |B|) from Jaccard and the set sizes (<= 1)."""
    smaller = min(size_a, size_b)
    if smaller == 0:
        return 0.0
    shared = jaccard * (size_a + size_b) / (1.0 + jaccard)
    return min(1.0, shared / smaller)


class ArticleDeduplicator:
    """Streaming exact and near-duplicate detection; :meth:`check` registers new articles."""

    def __init__(self, config: DedupConfig | None = None) -> None:
        self.config = config or DedupConfig()
        if self.config.num_perm % self.config.bands:
            raise ValueError("num_perm must be a multiple of bands")
        self._hasher = MinHasher(self.config.num_perm, self.config.seed)
        self._coefficients = self._hasher.coefficients()
        rng = np.random.default_rng(self.config.seed + 1)
        rows = self.config.num_perm // self.config.bands
        # Random odd 64-bit multipliers per band and row: a band's key is a random linear
        # combination of its rows mod 2**64, different for every band.
        self._band_mix = rng.integers(0, 1 << 63, (self.config.bands, rows), np.uint64) * 2 + 1
        self._ids: list[str] = []
        self._exact = HashIndex()
        self._bands = HashIndex()
        self._signatures = SignatureStore(self.config.num_perm)
        self._sizes = array("I")  # shingle-set size of each canonical article

    def __len__(self) -> int:
        """Number of canonical articles."""
        return len(self._ids)

    def check(self, doc_id: str, text: str) -> DuplicateCheck:
        """Whether ``text`` copies an article seen before; a new one becomes canonical."""
        digest = content_hash(text)
        exact_key = np.array([int(digest[:16], 16)], np.uint64)
        found = self._exact.get_many(exact_key)[0]
        if found is not None:
            return DuplicateCheck(digest, self._ids[found], "exact", 1.0)
        shingles = shingle_hashes(text, self.config.shingle_words)
        signature = self._hasher.signature(shingles, self._coefficients)
        short = len(shingles) + self.config.shingle_words - 1 < self.config.min_words
        keys = self._band_keys(signature)
        if not short:
            near = self._best_candidate(keys, signature, len(shingles))
            if near is not None:
                serial, similarity = near
                self._exact.add_many(exact_key, serial)
                return DuplicateCheck(digest, self._ids[serial], "near", round(similarity, 3))
        serial = self._signatures.append((signature & 0xFF).astype(np.uint8))
        self._sizes.append(len(shingles))
        self._ids.append(doc_id)
        self._exact.add_many(exact_key, serial)
        if not short:
            self._bands.add_many(keys, serial)
        return DuplicateCheck(digest)

    def _band_keys(self, signature: NDArray[np.uint32]) -> NDArray[np.uint64]:
        rows = signature.astype(np.uint64).reshape(self.config.bands, -1)
        keys: NDArray[np.uint64] = (rows * self._band_mix).sum(axis=1, dtype=np.uint64)
        return keys

    def _best_candidate(
        self, keys: NDArray[np.uint64], signature: NDArray[np.uint32], size: int
    ) -> tuple[int, float] | None:
        """The canonical article this one copies, with the overlap, or None."""
        candidates = [serial for serial in self._bands.get_many(keys) if serial is not None]
        small = (signature & 0xFF).astype(np.uint8)
        best: tuple[int, float] | None = None
        for serial in list(dict.fromkeys(candidates))[: self.config.max_candidates]:
            jaccard = bbit_similarity(small, self._signatures[serial])
            if jaccard < self.config.min_jaccard:
                continue
            overlap = estimated_overlap(jaccard, size, self._sizes[serial])
            if overlap >= self.config.min_overlap and (best is None or overlap > best[1]):
                best = (serial, overlap)
        return best

    def save(self, path: str | Path) -> None:
        """Write the whole index to one ``.npz`` file."""
        exact_keys, exact_values = self._exact.arrays()
        band_keys, band_values = self._bands.arrays()
        ids = np.frombuffer(json.dumps(self._ids).encode("utf-8"), np.uint8)
        config = np.frombuffer(json.dumps(asdict(self.config)).encode("utf-8"), np.uint8)
        with Path(path).open("wb") as handle:
            np.savez(
                handle,
                config=config,
                ids=ids,
                exact_keys=exact_keys,
                exact_values=exact_values,
                band_keys=band_keys,
                band_values=band_values,
                signatures=self._signatures.array(),
                sizes=np.array(self._sizes, np.uint32),
            )

    @classmethod
    def load(cls, path: str | Path) -> ArticleDeduplicator:
        """Read an index written by :meth:`save`."""
        with np.load(Path(path), allow_pickle=False) as data:
            config = DedupConfig(**json.loads(data["config"].tobytes().decode("utf-8")))
            index = cls(config)
            index._ids = json.loads(data["ids"].tobytes().decode("utf-8"))
            index._exact = HashIndex(data["exact_keys"], data["exact_values"])
            index._bands = HashIndex(data["band_keys"], data["band_values"])
            index._signatures = SignatureStore(config.num_perm, data["signatures"])
            index._sizes = array("I", data["sizes"].tolist())
        return index

    @property
    def nbytes(self) -> int:
        """Approximate bytes held by the numpy parts of the index (ids not counted)."""
        signatures = len(self._signatures) * self.config.num_perm
        return (
            self._exact.nbytes
            + self._bands.nbytes
            + signatures
            + self._sizes.itemsize * len(self._sizes)
        )
