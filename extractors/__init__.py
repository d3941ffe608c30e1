"""Pure stage code: discover/fetch, html/text → article, cleaning, dedupe, events."""
