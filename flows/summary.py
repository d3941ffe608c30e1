"""The run summary: counts per stage, dropped items by reason, failures, duration.

Printed at the end of a run and stored in `runs`; the CLI's exit code comes from it.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from extractors.records import Dropped

# Dropped items that mean something went wrong (rather than "not an article").
FAILURE_REASONS = frozenset({
    "unreadable", "parser_error", "kind_not_supported", "fetch_error", "http_error",
    "timeout", "too_large", "decompressed_too_large", "too_many_redirects",
    "feed_parse_error", "sitemap_parse_error", "not_a_feed", "invalid_option", "invalid_url",
})


@dataclass
class RunSummary:
    run_id: str
    warehouse: str
    stages: dict[str, dict[str, int]] = field(default_factory=dict)
    sources: dict[str, dict[str, int]] = field(default_factory=dict)  # per-source counts
    seconds: dict[str, float] = field(default_factory=dict)
    dropped: list[Dropped] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    deliveries: list[str] = field(default_factory=list)
    duration_s: float = 0.0

    def count(self, stage: str, **numbers: int) -> None:
        self.stages.setdefault(stage, {}).update(numbers)

    @property
    def dropped_by_reason(self) -> dict[str, int]:
        return dict(sorted(Counter(f"{d.stage}:{d.reason}" for d in self.dropped).items()))

    @property
    def failures(self) -> int:
        return sum(d.reason in FAILURE_REASONS for d in self.dropped) + len(self.errors)

    @property
    def status(self) -> str:
        return "failed_items" if self.failures else "ok"

    def render(self) -> str:
        lines = [
            f"modelwatch run {self.run_id}: {self.status} in {self.duration_s:.1f} s"
            f" (warehouse {self.warehouse})"
        ]
        for stage, numbers in self.stages.items():
            shown = ", ".join(f"{name} {value}" for name, value in numbers.items())
            took = self.seconds.get(stage)
            lines.append(f"  {stage:<9} {shown}" + (f"  [{took:.2f} s]" if took else ""))
        for name, numbers in self.sources.items():
            shown = ", ".join(f"{key} {value}" for key, value in numbers.items() if value)
            lines.append(f"  source {name}: {shown or 'nothing new'}")
        for delivery in self.deliveries:
            lines.append(f"  delivered {delivery}")
        if self.dropped:
            lines.append("  dropped: " + ", ".join(
                f"{reason} ×{n}" for reason, n in self.dropped_by_reason.items()))
            for item in self.dropped[:20]:
                detail = f" ({item.detail})" if item.detail else ""
                lines.append(f"    - {item.stage}: {item.item}: {item.reason}{detail}")
            if len(self.dropped) > 20:
                lines.append(f"    … {len(self.dropped) - 20} more in the dropped_items table")
        else:
            lines.append("  dropped: none")
        for error in self.errors:
            lines.append(f"  error: {error}")
        return "\n".join(lines)

    def markdown(self, new_events: list[dict]) -> str:
        """The run as a Prefect markdown artifact: stages, sources, new events, drops."""
        lines = [f"# modelwatch night {self.run_id}", "",
                 f"**{self.status}** in {self.duration_s:.1f} s, warehouse `{self.warehouse}`",
                 "", "| stage | counts | seconds |", "|---|---|---|"]
        for stage, numbers in self.stages.items():
            shown = ", ".join(f"{name} {value}" for name, value in numbers.items())
            lines.append(f"| {stage} | {shown} | {self.seconds.get(stage, 0):.2f} |")
        if self.sources:
            lines += ["", "| source | counts |", "|---|---|"]
            for name, numbers in self.sources.items():
                shown = ", ".join(f"{key} {value}" for key, value in numbers.items() if value)
                lines.append(f"| {name} | {shown or 'nothing new'} |")
        lines += ["", f"## New events: {len(new_events)}"]
        for event in new_events[:50]:
            lines.append(f"- {event['event_type']}: {event['model'] or event['organization']}"
                         f" ({event['organization'] or '?'}), {event['event_date'] or 'undated'}")
        lines += ["", "## Dropped and failed"]
        lines += [f"- {reason}: {n}" for reason, n in self.dropped_by_reason.items()] or ["none"]
        lines += [f"- error: {error}" for error in self.errors]
        return "\n".join(lines)
