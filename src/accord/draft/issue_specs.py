"""The analyst's issues file that ``accord draft`` links the evidence to.

ISSUES.yaml is a list of issues as in a case (``id``, ``title``, ``scale`` with both ends
labelled, ``status_quo``, optional ``description``), each with optional ``keywords``: words
or phrases that signal the issue in the news ("expand eastwards", "Warsaw Pact"). A mapping
with an ``issues:`` list is accepted too, so a case file can serve as its own issues file.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from accord.case import Issue, field_path, read_data
from accord.errors import CaseError


@dataclass(frozen=True)
class IssueSpec:
    issue: Issue
    keywords: tuple[str, ...] = ()

    @property
    def text(self) -> str:
        """Everything the analyst wrote about the issue, for matching."""
        parts = [self.issue.title, *self.issue.scale.values(), *self.keywords]
        if self.issue.description:
            parts.append(self.issue.description)
        return ". ".join(parts)


def parse_issues(data: Any, file: str | Path | None = None) -> list[IssueSpec]:
    """Validate parsed issues data; raise :class:`CaseError` naming every bad field."""
    if isinstance(data, dict) and "issues" in data:
        data, prefix = data["issues"], "issues"
    else:
        prefix = ""
    if not isinstance(data, list) or not data:
        raise CaseError(file, [(prefix, "expected a non-empty list of issues")])
    specs: list[IssueSpec] = []
    problems: list[tuple[str, str]] = []
    seen: set[str] = set()
    for i, raw in enumerate(data):
        where = f"{prefix}[{i}]"
        if not isinstance(raw, dict):
            problems.append((where, f"expected a mapping, got {type(raw).__name__}"))
            continue
        raw = dict(raw)
        keywords = raw.pop("keywords", None) or []
        if not isinstance(keywords, list) or not all(isinstance(k, str) for k in keywords):
            problems.append((f"{where}.keywords", "expected a list of words or phrases"))
            keywords = []
        try:
            issue = Issue.model_validate(raw)
        except ValidationError as err:
            for e in err.errors():
                loc = tuple(p for p in e["loc"] if not (isinstance(p, str) and "[" in p))
                sub = field_path(loc)
                msg = e["msg"].removeprefix("Value error, ")
                problems.append((f"{where}.{sub}" if sub else where, msg))
            continue
        if issue.id in seen:
            problems.append((f"{where}.id", f"duplicate id {issue.id!r}"))
        seen.add(issue.id)
        specs.append(IssueSpec(issue, tuple(keywords)))
    if problems:
        raise CaseError(file, problems)
    return specs


def load_issues(path: str | Path) -> list[IssueSpec]:
    """Read and validate an issues file (YAML or JSON)."""
    return parse_issues(read_data(path), path)
