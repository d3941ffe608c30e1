"""Prefect flows and the CLI: the only place that knows the order of the stages."""
