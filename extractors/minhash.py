"""Text → MinHash sketch for near-duplicate detection (one permutation hashing).

A text's match form (simplified, casefolded, without punctuation or spaces, so paragraph
breaks and punctuation styles do not count) is cut into overlapping character k-grams,
the *shingles*. Each shingle gets a 32-bit hash from a multilinear family

    h(c_0 … c_{k-1}) = ((m + Σ a_t · c_t) mod 2^64) >> 32        (c_t = code points)

which is strongly universal (Lemire & Kaser, "Strongly universal string hashing is fast",
2014). The 32-bit hash space is cut into `bins` equal ranges and each bin keeps the
smallest hash that falls into it (one permutation hashing: Li, Owen & Zhang, 2012); an
empty bin borrows the value of the first non-empty bin in a fixed pseudo-random probe
order of its own (optimal densification: Shrivastava, 2017). Two texts then agree on a
bin with probability ≈ the Jaccard similarity of their shingle sets, so the share of
equal bins estimates it, and groups of `rows` consecutive bins are the LSH bands.

Sketches are stored in the warehouse and compared with sketches computed years later,
so the bits are defined here and never depend on Python's per-process `hash()`: the
constants come from SHA-256 of the scheme's seed, and `Scheme.name` (stored beside each
sketch) changes whenever anything that changes the bits changes.

Two implementations produce identical bits (a test checks it): the standard library
(big-integer arithmetic: one multiplication hashes every shingle of a text, then a sort)
and numpy, used when it is importable, ≈7× faster (≈60 against ≈440 µs for an article
of 1,500 characters; benchmarks/dedupe.py measures both).
"""

from __future__ import annotations

import hashlib
import sys
from array import array
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache

from extractors.normalize import match_form, strip_non_word

try:  # optional accelerator: same bits, ≈7× faster (benchmarks/dedupe.py)
    import numpy
except ImportError:  # pragma: no cover - exercised where numpy is absent
    numpy = None

# Lane width of the big-integer shingle hash: m plus k products below 2^85 (a 21-bit code
# point times a 64-bit multiplier) stays below 2^96 for any k up to 2^10, and 12 bytes
# keep the lanes aligned to 32-bit words.
_LANE_BYTES = 12
# Characters per numpy chunk: bounds the working arrays to about 50 MB whatever the batch.
_NUMPY_CHUNK_CHARS = 1_000_000
_EMPTY = 1 << 32  # sentinel above every 32-bit hash: "no shingle fell into this bin"


@dataclass(frozen=True)
class Scheme:
    """What defines the bits of a sketch; sketches of different schemes never compare."""

    shingle_chars: int
    bands: int
    rows: int
    seed: int

    @property
    def bins(self) -> int:
        return self.bands * self.rows

    @property
    def name(self) -> str:
        return f"oph32-c{self.shingle_chars}-b{self.bands}x{self.rows}-s{self.seed}"


@dataclass(frozen=True)
class Sketch:
    """The MinHash sketch of one text: `bins` big-endian uint32 values, or None if the
    text is shorter than one shingle; `shingles` counts shingle positions."""

    minhash: bytes | None
    shingles: int


@lru_cache(maxsize=1)
def _word_table():
    """Code point → kept by `match_form` (built from the same regex, so the two agree)."""
    everything = "".join(map(chr, range(sys.maxunicode + 1)))
    kept = strip_non_word(everything).encode("utf-32-le", "surrogatepass")
    table = numpy.zeros(sys.maxunicode + 1, dtype=bool)
    table[numpy.frombuffer(kept, dtype="<u4")] = True
    return table


def _constant(seed: int, label: str) -> int:
    digest = hashlib.sha256(f"modelwatch-minhash:{seed}:{label}".encode()).digest()
    return int.from_bytes(digest[:8], "big")


class MinHasher:
    """Computes sketches for one scheme; build once and reuse (constants are cached)."""

    def __init__(self, scheme: Scheme) -> None:
        self.scheme = scheme
        k = scheme.shingle_chars
        self._multipliers = [_constant(scheme.seed, f"a{t}") for t in range(k)]
        self._offset = _constant(scheme.seed, "m")
        # The multipliers packed in reverse, one per lane: text-lanes × this = for every
        # position the sum over the k-gram that ends there (a convolution).
        self._packed = int.from_bytes(
            b"".join(a.to_bytes(_LANE_BYTES, "little") for a in reversed(self._multipliers)),
            "little",
        )
        self._offset_lane = self._offset.to_bytes(_LANE_BYTES, "little")
        bins = scheme.bins
        # Bin j holds hashes h with j <= h * bins / 2^32 < j + 1, i.e. h >= ceil(j 2^32 / bins).
        self._starts = [-(-j * (1 << 32) // bins) for j in range(bins + 1)]

    @cached_property
    def _probes(self) -> list[list[int]]:
        """For every bin, the order in which an empty bin looks for a value to borrow."""
        seed, bins = self.scheme.seed, self.scheme.bins
        return [
            sorted((i for i in range(bins) if i != j),
                   key=lambda i, j=j: _constant(seed, f"probe{j}:{i}"))
            for j in range(bins)
        ]

    def shingle_hashes(self, form: str) -> array:
        """The 32-bit hash of every shingle of a match form, in text order (stdlib)."""
        k, n = self.scheme.shingle_chars, len(form)
        if n < k:
            return array("I")
        encoded = form.encode("utf-32-le")
        lanes = bytearray(_LANE_BYTES * n)
        for byte in range(3):  # code points are below 2^21: three bytes each
            lanes[byte::_LANE_BYTES] = encoded[byte::4]
        total = int.from_bytes(lanes, "little") * self._packed + int.from_bytes(
            self._offset_lane * (n + k), "little"
        )
        words = array("I")
        words.frombytes(total.to_bytes(_LANE_BYTES * (n + k), "little"))
        if sys.byteorder == "big":  # pragma: no cover - the bytes above are little-endian
            words.byteswap()
        # Word 1 of a lane is bits 32..63 of its sum; lanes k-1 … n-1 end a whole k-gram.
        return words[1::3][k - 1 : n]

    def sketch(self, text_simplified: str) -> Sketch:
        """The sketch of one text, with the standard library only."""
        hashes = sorted(self.shingle_hashes(match_form(text_simplified)))
        if not hashes:
            return Sketch(None, 0)
        mins: list[int] = []
        low = 0
        for end in self._starts[1:]:
            high = bisect_left(hashes, end, low)
            mins.append(hashes[low] if high > low else _EMPTY)
            low = high
        return Sketch(self._pack(mins), len(hashes))

    def sketches(self, texts: Sequence[str], *, engine: str = "auto") -> list[Sketch]:
        """Sketches of many texts; engine "auto" uses numpy when installed, else "python"."""
        if engine == "auto":
            engine = "python" if numpy is None else "numpy"
        if engine == "python":
            return [self.sketch(text) for text in texts]
        if engine != "numpy":
            raise ValueError(f"unknown engine {engine!r}: auto, python or numpy")
        if numpy is None:
            raise RuntimeError("engine='numpy' needs numpy installed")
        out: list[Sketch] = []
        chunk: list[str] = []
        size = 0
        for text in texts:
            folded = text.casefold()
            chunk.append(folded)
            size += len(folded)
            if size >= _NUMPY_CHUNK_CHARS:
                out.extend(self._sketches_numpy(chunk))
                chunk, size = [], 0
        out.extend(self._sketches_numpy(chunk))
        return out

    def _sketches_numpy(self, folded: list[str]) -> list[Sketch]:
        """Sketches of casefolded texts: match form, hashes and bin minima as array ops."""
        np = numpy
        if not folded:
            return []
        k, bins, n = self.scheme.shingle_chars, self.scheme.bins, len(folded)
        raw = np.frombuffer("".join(folded).encode("utf-32-le", "surrogatepass"), dtype="<u4")
        keep = _word_table()[raw]
        kept_before = np.zeros(len(raw) + 1, dtype=np.int64)
        np.cumsum(keep, out=kept_before[1:])
        bounds = np.zeros(n + 1, dtype=np.int64)
        np.cumsum([len(text) for text in folded], out=bounds[1:])
        lengths = np.diff(kept_before[bounds])  # characters of each match form
        counts = np.maximum(lengths - k + 1, 0)  # its shingles
        mins = np.full(n * bins, _EMPTY, dtype=np.uint64)
        codes = raw[keep].astype(np.uint64)
        positions = len(codes) - k + 1
        if positions > 0 and counts.any():
            total = np.full(positions, self._offset, dtype=np.uint64)
            scratch = np.empty(positions, dtype=np.uint64)
            for t, multiplier in enumerate(self._multipliers):  # wraps mod 2^64 on purpose
                np.multiply(codes[t : t + positions], np.uint64(multiplier), out=scratch)
                total += scratch
            total >>= np.uint64(32)
            # Keep the k-grams inside one text: each text's first `count` positions.
            runs = np.empty(2 * n, dtype=np.int64)
            runs[0::2], runs[1::2] = counts, lengths - counts
            inside = np.repeat(np.tile(np.array([True, False]), n), runs)[:positions]
            hashes = total[inside]
            slots = np.repeat(np.arange(n, dtype=np.intp) * bins, counts)
            slots += ((hashes * np.uint64(bins)) >> np.uint64(32)).astype(np.intp)
            np.minimum.at(mins, slots, hashes)
        out = []
        for row, count in zip(mins.reshape(n, bins).tolist(), counts.tolist(), strict=True):
            out.append(Sketch(self._pack(row), count) if count else Sketch(None, 0))
        return out

    def _pack(self, mins: list[int]) -> bytes:
        """Fill empty bins by densification, then pack as big-endian uint32."""
        if _EMPTY in mins:
            filled = list(mins)
            for j, value in enumerate(mins):
                if value == _EMPTY:
                    filled[j] = next(mins[i] for i in self._probes[j] if mins[i] != _EMPTY)
            mins = filled
        packed = array("I", mins)
        if sys.byteorder == "little":
            packed.byteswap()
        return packed.tobytes()


def estimated_jaccard(first: bytes | int, second: bytes | int, bins: int | None = None) -> float:
    """Share of equal bins of two sketches of one scheme: estimates their Jaccard.

    Sketches may also be given as `int.from_bytes(sketch, "little")` (then with `bins`):
    callers comparing one sketch many times convert it once.
    """
    if isinstance(first, bytes):
        bins = len(first) // 4
        first = int.from_bytes(first, "little")
    if isinstance(second, bytes):
        bins = len(second) // 4
        second = int.from_bytes(second, "little")
    low31, high = _lane_masks(bins)
    differ = first ^ second  # equal bins are its zero 32-bit lanes
    # A lane is non-zero iff its top bit or (its low 31 bits + 2^31 - 1) has bit 31 set;
    # the sum stays inside the lane, so all lanes are tested by a few big-integer ops.
    nonzero = ((((differ & low31) + low31) | differ) & high).bit_count()
    return (bins - nonzero) / bins


@lru_cache(maxsize=4)
def _lane_masks(bins: int) -> tuple[int, int]:
    """Per 32-bit lane: the low 31 bits set, and the top bit set."""
    return (int.from_bytes(b"\xff\xff\xff\x7f" * bins, "little"),
            int.from_bytes(b"\x00\x00\x00\x80" * bins, "little"))


def band_keys(minhash: bytes, rows: int) -> list[bytes]:
    """The LSH band keys of a sketch: its bytes cut into groups of `rows` bins."""
    width = 4 * rows
    return [minhash[i : i + width] for i in range(0, len(minhash), width)]


def sketch_values(minhash: bytes) -> list[int]:
    """The bin values of a sketch as integers (for display and tests)."""
    values = array("I", minhash)
    if sys.byteorder == "little":
        values.byteswap()
    return values.tolist()
