"""Articles → stories: syndicated copies of one text share a `story_id`.

A copy is recognised three ways, cheapest first:

1. the same URL: an article's id is a hash of its canonical URL, so an updated page is
   the same article, re-extracted; it keeps its story while its text is still a copy;
2. the same normalised text (`text_hash`: simplified, casefolded, without punctuation
   or spaces), whatever the boilerplate the cleaning rules already removed;
3. near-duplicates: MinHash sketches of character shingles (extractors/minhash.py). The
   warehouse finds candidates by a SQL join of LSH band keys against every stored article
   (warehouse/dedupe.py); a candidate counts when its estimated Jaccard reaches
   `jaccard_threshold` (seeds/dedupe.toml).

This module is the pure part: `signatures` sketches a batch, and `decide_stories` turns
the candidates the warehouse found into decisions. Verified pairs are edges, a story is a
connected component: its id is the id of the earliest stored story in it (other stored
stories in the component are merged into that one, and the merge is reported), else a
new id derived from its texts. Every decision names its method and similarity, and every
compared pair is reported for the audit table.
"""

from __future__ import annotations

import tomllib
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

from extractors import SEEDS_DIR
from extractors.minhash import MinHasher, Scheme, estimated_jaccard
from extractors.normalize import stable_id
from extractors.records import Article

DEFAULT_SETTINGS_PATH = SEEDS_DIR / "dedupe.toml"

# A band key is band · 2^96 + the band's bin values as one integer: at most 3 × 32 bits.
MAX_ROWS = 3

EXACT = "exact"
MINHASH = "minhash"
NEW = "new"


@dataclass(frozen=True)
class DedupeSettings:
    """The compiled form of seeds/dedupe.toml."""

    scheme: Scheme
    jaccard_threshold: float
    min_shingles: int
    near_miss: float

    @classmethod
    def load(cls, path: str | Path = DEFAULT_SETTINGS_PATH) -> DedupeSettings:
        with Path(path).open("rb") as handle:
            raw = tomllib.load(handle)
        sketch, match = raw["sketch"], raw["match"]
        settings = cls(
            scheme=Scheme(
                shingle_chars=int(sketch["shingle_chars"]), bands=int(sketch["bands"]),
                rows=int(sketch["rows"]), seed=int(sketch["seed"]),
            ),
            jaccard_threshold=float(match["jaccard_threshold"]),
            min_shingles=int(match["min_shingles"]),
            near_miss=float(match["near_miss"]),
        )
        if not 0 < settings.near_miss <= settings.jaccard_threshold <= 1:
            raise ValueError(f"{path}: need 0 < near_miss <= jaccard_threshold <= 1")
        if not 1 <= settings.scheme.rows <= MAX_ROWS:
            raise ValueError(f"{path}: [sketch] rows must be 1 to {MAX_ROWS} (band keys are "
                             "exact 96-bit integers in the warehouse)")
        return settings


@lru_cache(maxsize=1)
def default_settings() -> DedupeSettings:
    return DedupeSettings.load()


@lru_cache(maxsize=4)
def hasher_for(scheme: Scheme) -> MinHasher:
    return MinHasher(scheme)


@dataclass(frozen=True)
class Signature:
    """What dedupe keeps of an article: its text hash and MinHash sketch."""

    article_id: str
    text_hash: str
    scheme: str
    shingles: int
    minhash: bytes | None  # None: shorter than one shingle, matched by exact text only


@dataclass(frozen=True)
class StoredCandidate:
    """A stored article that a batch article may copy: same text hash or a shared band."""

    article_id: str            # the batch article
    stored_id: str             # the stored one; equal to article_id for its previous version
    story_id: str
    exact: bool                # same text hash
    minhash: bytes | None = None
    shingles: int = 0


@dataclass(frozen=True)
class StoryDecision:
    """The story of one batch article and the strongest evidence for it."""

    article_id: str
    story_id: str
    method: str                # new | exact | minhash
    similarity: float          # 1.0 exact; estimated Jaccard; 0.0 new
    matched_article_id: str | None


@dataclass(frozen=True)
class PairDecision:
    """One compared pair, for the audit table: merged, or a near miss."""

    article_id: str
    other_article_id: str
    method: str                # exact | minhash
    similarity: float
    merged: bool


@dataclass(frozen=True)
class StoryMerge:
    """A stored story absorbed by an older one, because `article_id` copies both."""

    story_id: str
    into_story_id: str
    article_id: str


@dataclass(frozen=True)
class DedupeResult:
    decisions: list[StoryDecision]
    pairs: list[PairDecision]
    merges: list[StoryMerge]
    stats: dict[str, int] = field(default_factory=dict)

    def story_ids(self) -> dict[str, str]:
        return {decision.article_id: decision.story_id for decision in self.decisions}


def story_id_for(text_hash: str) -> str:
    return stable_id("story", text_hash)


def signatures(
    articles: Iterable[Article], settings: DedupeSettings | None = None, *, engine: str = "auto"
) -> list[Signature]:
    """MinHash signatures of the articles' simplified texts, in order."""
    settings = settings or default_settings()
    articles = list(articles)
    sketches = hasher_for(settings.scheme).sketches(
        [article.text_simplified for article in articles], engine=engine
    )
    name = settings.scheme.name
    return [
        Signature(article.article_id, article.text_hash, name, sketch.shingles, sketch.minhash)
        for article, sketch in zip(articles, sketches, strict=True)
    ]


def assign(articles: Iterable[Article], result: DedupeResult) -> list[Article]:
    """The articles with the story ids decided for them (order kept)."""
    stories = result.story_ids()
    return [replace(article, story_id=stories.get(article.article_id, article.story_id))
            for article in articles]


class _Components:
    """Union-find over batch positions and stored stories."""

    def __init__(self) -> None:
        self.parent: dict[object, object] = {}

    def find(self, node: object) -> object:
        parent = self.parent
        root = parent.setdefault(node, node)
        while parent[root] != root:
            root = parent[root]
        while parent[node] != root:  # path compression
            parent[node], node = root, parent[node]
        return root

    def union(self, first: object, second: object) -> None:
        a, b = self.find(first), self.find(second)
        if a != b:
            self.parent[b] = a


def decide_stories(
    batch: Sequence[Signature],
    batch_pairs: Iterable[tuple[int, int]],
    stored: Iterable[StoredCandidate],
    story_founded: Mapping[str, object],
    taken_story_ids: Collection[str],
    settings: DedupeSettings | None = None,
) -> DedupeResult:
    """Stories for a batch of signatures (unique article ids) given the candidates found.

    `batch_pairs` are positions in `batch` that share a band; `stored` are stored articles
    with the same text hash or a shared band; `story_founded` orders stored stories
    (earliest first) to choose which survives a merge; `taken_story_ids` are stored story
    ids a new story must not reuse.
    """
    settings = settings or default_settings()
    threshold, floor = settings.jaccard_threshold, settings.near_miss
    eligible = [s.minhash is not None and s.shingles >= settings.min_shingles for s in batch]
    bins = settings.scheme.bins
    # Each batch sketch as one integer, converted once: it is compared many times.
    as_int = [int.from_bytes(s.minhash, "little") if ok else 0
              for s, ok in zip(batch, eligible, strict=True)]
    components = _Components()
    best: dict[int, tuple[float, str, str]] = {}  # position → (similarity, method, other id)
    pairs: list[PairDecision] = []
    stats = {"exact_pairs": 0, "minhash_candidates": 0, "minhash_merged": 0,
             "already_joined": 0, "history_candidates": 0}

    def evidence(position: int, similarity: float, method: str, other: str) -> None:
        current = best.get(position)
        if current is None or (similarity, method == EXACT) > (current[0], current[1] == EXACT):
            best[position] = (similarity, method, other)

    # 1. Exact copies inside the batch: star to the first article with that text.
    first_of_text: dict[str, int] = {}
    for position, signature in enumerate(batch):
        first = first_of_text.setdefault(signature.text_hash, position)
        if first != position:
            components.union(first, position)
            other = batch[first].article_id
            pairs.append(PairDecision(signature.article_id, other, EXACT, 1.0, True))
            evidence(position, 1.0, EXACT, other)
            evidence(first, 1.0, EXACT, signature.article_id)
            stats["exact_pairs"] += 1

    # 2. Near-duplicates inside the batch. A pair already in one story is not compared
    # again (large syndicated stories would otherwise cost n² comparisons).
    for a, b in batch_pairs:
        first, second = batch[a], batch[b]
        if first.text_hash == second.text_hash or not (eligible[a] and eligible[b]):
            continue
        if components.find(a) == components.find(b):
            stats["already_joined"] += 1
            continue
        stats["minhash_candidates"] += 1
        similarity = estimated_jaccard(as_int[a], as_int[b], bins)
        if similarity >= threshold:
            components.union(a, b)
            evidence(a, similarity, MINHASH, second.article_id)
            evidence(b, similarity, MINHASH, first.article_id)
            stats["minhash_merged"] += 1
        if similarity >= floor:
            pairs.append(PairDecision(first.article_id, second.article_id, MINHASH,
                                      similarity, similarity >= threshold))

    # 3. Stored articles: exact text first, then verified near-duplicates.
    position_of = {signature.article_id: i for i, signature in enumerate(batch)}
    edges_to_story: dict[str, list[tuple[float, int]]] = {}
    seen_exact: set[tuple[str, str]] = set()
    for candidate in sorted(stored, key=lambda c: not c.exact):  # exact rows first
        position = position_of[candidate.article_id]
        key = (candidate.article_id, candidate.stored_id)
        stats["history_candidates"] += 1
        if candidate.exact:
            similarity, method = 1.0, EXACT
            seen_exact.add(key)
        elif key in seen_exact:
            continue
        elif components.find(position) == components.find(("story", candidate.story_id)):
            stats["already_joined"] += 1
            continue
        else:
            if not (eligible[position] and candidate.minhash is not None
                    and candidate.shingles >= settings.min_shingles):
                continue
            stats["minhash_candidates"] += 1
            similarity = estimated_jaccard(as_int[position], candidate.minhash)
            method = MINHASH
        merged = similarity >= threshold
        if merged:
            components.union(position, ("story", candidate.story_id))
            edges_to_story.setdefault(candidate.story_id, []).append((similarity, position))
            evidence(position, similarity, method, candidate.stored_id)
            stats["minhash_merged"] += method == MINHASH
        if similarity >= floor and candidate.stored_id != candidate.article_id:
            pairs.append(PairDecision(candidate.article_id, candidate.stored_id, method,
                                      similarity, merged))

    # 4. One story per component: the earliest stored story, else a new id.
    members: dict[object, list[int]] = {}
    for position in range(len(batch)):
        members.setdefault(components.find(position), []).append(position)
    stored_in: dict[object, list[str]] = {}
    for story in edges_to_story:
        stored_in.setdefault(components.find(("story", story)), []).append(story)
    decisions: list[StoryDecision | None] = [None] * len(batch)
    merges: list[StoryMerge] = []
    for root, positions in members.items():
        stories = sorted(stored_in.get(root, ()), key=lambda s: _founding(story_founded, s))
        if stories:
            story = stories[0]
            for absorbed in stories[1:]:
                _, via = max(edges_to_story[absorbed])
                merges.append(StoryMerge(absorbed, story, batch[via].article_id))
        else:
            founder = min(batch[p].text_hash for p in positions)
            story = story_id_for(founder)
            if story in taken_story_ids:  # a stored story this component does not copy
                story = stable_id("story", founder, min(batch[p].article_id for p in positions))
        for position in positions:
            similarity, method, other = best.get(position, (0.0, NEW, None))
            decisions[position] = StoryDecision(batch[position].article_id, story, method,
                                                similarity, other)
    stats["merged_stories"] = len(merges)
    return DedupeResult([d for d in decisions if d is not None], pairs, merges, stats)


def _founding(story_founded: Mapping[str, object], story: str) -> tuple:
    """Sort key of a stored story: the earliest founded first, unknown ones last."""
    founded = story_founded.get(story)
    return (0, founded, story) if founded is not None else (1, story)


def assign_stories(articles: list[Article], known_stories: dict[str, str]) -> list[Article]:
    """Exact-text stories only (the flow's first version; kept until it calls the warehouse).

    `known_stories` maps text_hash → story_id for what the warehouse already holds.
    """
    stories = dict(known_stories)
    out = []
    for article in articles:
        story = stories.setdefault(article.text_hash, story_id_for(article.text_hash))
        out.append(replace(article, story_id=story))
    return out


def canonical_articles(articles: list[Article]) -> list[Article]:
    """One article per story in the batch: the most complete text, then the earliest."""
    best: dict[str, Article] = {}
    for article in articles:
        key = article.story_id or article.article_id
        current = best.get(key)
        if current is None or _completeness(article) > _completeness(current):
            best[key] = article
    return list(best.values())


def _completeness(article: Article) -> tuple:
    """Longer text first, then the earlier publication (unknown dates last)."""
    published = article.published_at
    return (len(article.text), published is not None,
            -published.timestamp() if published is not None else 0.0)
