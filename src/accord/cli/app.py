"""The typer application and the error convention shared by every command."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import NoReturn

import typer
from rich.console import Console

from accord.case import CaseError
from accord.errors import InputError

app = typer.Typer(
    name="accord",
    help="What should we expect from these talks? Model a negotiation and forecast it.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
out = Console()
err = Console(stderr=True)

EXIT_BAD_INPUT = 2


def fail(message: str) -> NoReturn:
    """Print a one-screen error to stderr and exit with code 2 (bad input)."""
    err.print(f"[bold red]error:[/] {message}", highlight=False, markup=True)
    raise typer.Exit(EXIT_BAD_INPUT)


@contextmanager
def bad_input() -> Iterator[None]:
    """Turn :class:`CaseError` and unknown names into exit code 2 with a clear message."""
    try:
        yield
    except (CaseError, InputError) as e:
        err.print(f"[bold red]error:[/] {e.file}: invalid case", highlight=False)
        for path, msg in e.problems[:40]:
            err.print(f"  {path or '(top level)'}: {msg}", highlight=False, markup=False)
        if len(e.problems) > 40:
            err.print(f"  … and {len(e.problems) - 40} more", highlight=False)
        raise typer.Exit(EXIT_BAD_INPUT) from None
    except KeyError as e:
        fail(str(e.args[0]) if e.args else str(e))
