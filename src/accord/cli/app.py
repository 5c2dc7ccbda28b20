"""The typer application and the error convention shared by every command.

Bad input ends a command with exit code 2 and a plain-text message: the commands raise
:class:`~accord.errors.InputError` (or call :func:`fail`), and a missing optional extra raises
:class:`~accord.errors.MissingExtra`; :class:`Commands` maps exactly these two, in this one
place. Any other exception is a bug and surfaces as one (exit code 1, with its traceback).
"""

from __future__ import annotations

from typing import Any, NoReturn

import typer
from rich.console import Console
from rich.text import Text
from typer.core import TyperGroup

from accord.errors import InputError, MissingExtra

EXIT_BAD_INPUT = 2
MAX_PROBLEMS = 40  # problems listed before "… and N more"

out = Console()
err = Console(stderr=True)


def print_error(message: str) -> None:
    """``error: message`` on stderr; the message is printed as it is (never read as markup)."""
    err.print(Text.assemble(("error:", "bold red"), " ", message), highlight=False,
              soft_wrap=True)


def print_input_error(e: InputError) -> None:
    """The file, then each of its problems (at most :data:`MAX_PROBLEMS`) on a line."""
    head, *problems = e.render().splitlines()
    print_error(head)
    for line in problems[:MAX_PROBLEMS]:
        err.print(line, markup=False, highlight=False, soft_wrap=True)
    if len(problems) > MAX_PROBLEMS:
        err.print(f"  … and {len(problems) - MAX_PROBLEMS} more", markup=False, highlight=False)


def fail(message: str) -> NoReturn:
    """Print a one-screen error to stderr and exit with code 2 (bad input)."""
    print_error(message)
    raise typer.Exit(EXIT_BAD_INPUT)


class Commands(TyperGroup):
    """accord's commands: :class:`InputError` and :class:`MissingExtra` end in exit code 2."""

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except InputError as e:
            print_input_error(e)
        except MissingExtra as e:
            print_error(str(e))
        raise typer.Exit(EXIT_BAD_INPUT)


app = typer.Typer(
    name="accord",
    cls=Commands,
    help="What should we expect from these talks? Model a negotiation and forecast it.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
