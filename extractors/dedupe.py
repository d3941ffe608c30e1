"""Articles → articles with a `story_id`: syndicated copies of one text share a story.

This first version matches copies exactly on the normalised text hash (simplified,
punctuation- and space-free), against the batch and against every hash already stored
(`known_stories`, read from the warehouse by the caller). The story of a copy is the
story of the earliest stored article with that text.
"""

from __future__ import annotations

from dataclasses import replace

from extractors.normalize import stable_id
from extractors.records import Article


def story_id_for(text_hash: str) -> str:
    return stable_id("story", text_hash)


def assign_stories(articles: list[Article], known_stories: dict[str, str]) -> list[Article]:
    """Give every article a story id: a stored story with the same text, else a new one.

    `known_stories` maps text_hash → story_id for what the warehouse already holds.
    Articles keep their order; within the batch the first article of a text founds its
    story (deterministic ids, so re-running a batch yields the same stories).
    """
    stories = dict(known_stories)
    out = []
    for article in articles:
        story = stories.setdefault(article.text_hash, story_id_for(article.text_hash))
        out.append(replace(article, story_id=story))
    return out


def canonical_articles(articles: list[Article]) -> list[Article]:
    """One article per story in the batch: the most complete text, then the first seen."""
    best: dict[str, Article] = {}
    for article in articles:
        current = best.get(article.story_id or article.article_id)
        if current is None or len(article.text) > len(current.text):
            best[article.story_id or article.article_id] = article
    return list(best.values())
