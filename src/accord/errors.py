"""accord's errors: one hierarchy, so that bad input and real bugs never look alike.

``AccordError`` is the root of every error accord raises on purpose. Its one branch that a user
can cause, :class:`InputError`, names the file (or request) and lists every problem found in it
as ``(where, what)`` pairs; the CLI maps exactly this branch to exit code 2 (the web app to a
4xx) and lets everything else surface as a bug. The kinds below say which input was wrong; they
add no behaviour, so code that only reports errors catches ``InputError``.
"""

from __future__ import annotations

from pathlib import Path

Problem = tuple[str, str]  # (where: a field path, a line, or ""; what is wrong)


class AccordError(Exception):
    """Root of the errors accord raises on purpose."""


class InputError(AccordError):
    """Input that cannot be used: ``file`` and every problem found in it.

    ``problems`` are ``(where, what)`` pairs; ``where`` is a field path (``positions[3].salience``),
    a line (``line 12``) or empty when the problem concerns the whole input.
    """

    def __init__(self, file: str | Path | None, problems: list[Problem] | str) -> None:
        self.file = str(file) if file is not None else "<input>"
        self.problems: list[Problem] = (
            [("", problems)] if isinstance(problems, str) else list(problems)
        )
        super().__init__(self.render())

    @property
    def problem(self) -> str:
        """The first problem's text, for errors that carry one."""
        return self.problems[0][1] if self.problems else ""

    def render(self) -> str:
        if len(self.problems) == 1 and not self.problems[0][0]:
            return f"{self.file}: {self.problems[0][1]}"
        lines = [f"{self.file}: {len(self.problems)} problem(s)"]
        lines += [f"  {where or '(top level)'}: {what}" for where, what in self.problems]
        return "\n".join(lines)


class CaseError(InputError):
    """A case file (YAML/JSON) that does not validate."""


class ImportFileError(InputError):
    """A Decide/KTAB (or other foreign) file that cannot be imported."""


class ArticleError(InputError):
    """An article (txt, HTML, JSONL) that cannot be read."""


class EvidenceError(InputError):
    """An evidence file (extracted records, JSONL) or an issues file for ``accord draft``."""


class GoldError(InputError):
    """A gold annotation file that is malformed or names an article that cannot be found."""


class CalibrationError(InputError):
    """A calibration file (``accord calibrate``'s JSON) that cannot be read or does not fit."""


class OptionError(InputError):
    """A command-line option or request parameter with an unusable value (unknown model,
    unknown issue, bad ``NAME=VALUE``, an output path of the wrong type)."""


class TooLarge(InputError):
    """A case too large for a model within the memory accord may use (``file`` names the
    model, e.g. ``--model exchange``)."""


class MissingExtra(AccordError):
    """An optional part of accord is not installed; ``install`` is the command that adds it."""

    def __init__(self, what: str, install: str) -> None:
        self.install = install
        super().__init__(f"{what} is not installed; run: {install}")
