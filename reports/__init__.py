"""Analyst outputs built from the warehouse views: the self-contained HTML report."""
