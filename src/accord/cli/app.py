"""The typer application and the error convention shared by every command.

Bad input ends a command with exit code 2 and a plain-text message: the commands raise
:class:`~accord.errors.InputError` (or call :func:`fail`), and a missing optional extra raises
:class:`~accord.errors.MissingExtra`; :class:`Commands` maps exactly these two, in this one
place. Any other exception is a bug: exit code 1, a line asking to report it, and its
traceback.
"""

from __future__ import annotations

import traceback
from typing import Any, NoReturn

import typer
from rich.console import Console
from rich.text import Text
from typer._click.exceptions import ClickException
from typer.core import TyperGroup

from accord.errors import InputError, MissingExtra

EXIT_BAD_INPUT = 2
EXIT_BUG = 1
MAX_PROBLEMS = 40  # problems listed before "… and N more"

# markup off: user text (titles, ids, paths, quotes) is printed as it is, never read as
# markup; styled words go through :func:`styled`
out = Console(markup=False)
err = Console(stderr=True, markup=False)


def styled(word: str, style: str, rest: str = "") -> Text:
    """``word`` in ``style``, then ``rest`` as plain text."""
    return Text.assemble((word, style), rest)


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


def print_bug(e: BaseException) -> None:
    """An unexpected exception: say it is accord's fault and how to report it, then the
    traceback (plain text)."""
    print_error(f"accord failed unexpectedly ({type(e).__name__}); this is a bug in accord, "
                f"not in your input. Please report it to accord's maintainers with the command "
                "you ran and the traceback below.")
    err.print("".join(traceback.format_exception(e)), markup=False, highlight=False,
              soft_wrap=True, end="")


class Commands(TyperGroup):
    """accord's commands: :class:`InputError` and :class:`MissingExtra` end in exit code 2; any
    other exception is a bug: exit code 1, a "please report" line and the traceback."""

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except InputError as e:
            print_input_error(e)
        except MissingExtra as e:
            print_error(str(e))
        except (ClickException, typer.Exit, typer.Abort, BrokenPipeError):
            # usage errors, --help and typer.Exit keep click's own handling, and so does a
            # reader that went away (`accord … | head`): click ends quietly with exit code 1
            raise
        except Exception as e:
            print_bug(e)
            raise typer.Exit(EXIT_BUG) from None
        raise typer.Exit(EXIT_BAD_INPUT)


app = typer.Typer(
    name="accord",
    cls=Commands,
    help="What should we expect from these talks? Model a negotiation and forecast it.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
