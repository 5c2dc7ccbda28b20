"""The analyst's issues file that ``accord draft`` links the evidence to.

ISSUES.yaml is a list of issues as in a case (``id``, ``title``, ``scale`` with both ends
labelled, ``status_quo``, optional ``description``), each with optional ``keywords``: words
or phrases that signal the issue in the news ("expand eastwards", "Warsaw Pact"). A mapping
with an ``issues:`` list is accepted too, so a case file can serve as its own issues file.

A bad issues file raises :class:`~accord.errors.EvidenceError` (the kind for the inputs of
``accord draft``), not :class:`CaseError`: the file is not a case even when its issues are
validated as a case's are, and the error should say which input of the draft was wrong.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from accord.case import Issue, _pydantic_problems, read_data
from accord.errors import CaseError, EvidenceError, Problem


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


def _keywords(raw: dict[str, Any], where: str, problems: list[Problem]) -> tuple[str, ...]:
    """Take the analyst's ``keywords`` out of a raw issue; a bad value is a problem."""
    keywords = raw.pop("keywords", None) or []
    if not isinstance(keywords, list) or not all(isinstance(k, str) for k in keywords):
        problems.append((f"{where}.keywords", "expected a list of words or phrases"))
        return ()
    return tuple(keywords)


def _parse_issue(raw: Any, where: str, problems: list[Problem]) -> IssueSpec | None:
    """One issue with its keywords, or None with its problems added to ``problems``."""
    if not isinstance(raw, dict):
        problems.append((where, f"expected a mapping, got {type(raw).__name__}"))
        return None
    raw = dict(raw)
    keywords = _keywords(raw, where, problems)
    try:
        issue = Issue.model_validate(raw)
    except ValidationError as err:
        problems += [(f"{where}.{sub}" if sub else where, msg)
                     for sub, msg in _pydantic_problems(err)]
        return None
    return IssueSpec(issue, keywords)


def parse_issues(data: Any, file: str | Path | None = None) -> list[IssueSpec]:
    """Validate parsed issues data; raise :class:`EvidenceError` naming every bad field."""
    if isinstance(data, dict) and "issues" in data:
        data, prefix = data["issues"], "issues"
    else:
        prefix = ""
    if not isinstance(data, list) or not data:
        raise EvidenceError(file, [(prefix, "expected a non-empty list of issues")])
    specs: list[IssueSpec] = []
    problems: list[Problem] = []
    seen: set[str] = set()
    for i, raw in enumerate(data):
        spec = _parse_issue(raw, f"{prefix}[{i}]", problems)
        if spec is None:
            continue
        if spec.issue.id in seen:
            problems.append((f"{prefix}[{i}].id", f"duplicate id {spec.issue.id!r}"))
        seen.add(spec.issue.id)
        specs.append(spec)
    if problems:
        raise EvidenceError(file, problems)
    return specs


def load_issues(path: str | Path) -> list[IssueSpec]:
    """Read and validate an issues file (YAML or JSON); :class:`EvidenceError` when bad."""
    try:
        data = read_data(path)
    except CaseError as err:  # unreadable, or not YAML/JSON
        raise EvidenceError(err.file, err.problems) from None
    return parse_issues(data, path)
