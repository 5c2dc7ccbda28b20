"""A JSON file holding one pydantic model (the calibration and ensemble files): read with
every problem named by field, written atomically."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel, ValidationError

from accord.errors import InputError
from accord.io import write_atomic

M = TypeVar("M", bound=BaseModel)


def read_model(path: str | Path, model: type[M], error: type[InputError]) -> M:
    """``model`` from the JSON file ``path``; an unreadable, non-JSON or invalid file raises
    ``error(path, problems)`` with each problem's field path."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as e:
        raise error(path, f"cannot read the file: {e.strerror or e}") from e
    except ValueError as e:
        raise error(path, f"not JSON: {e}") from e
    try:
        return model.model_validate(data)
    except ValidationError as e:
        raise error(path, [(".".join(map(str, err["loc"])), err["msg"])
                           for err in e.errors()]) from e


def write_model(value: BaseModel, path: str | Path) -> Path:
    """``value`` as indented JSON, written atomically."""
    return write_atomic(path, value.model_dump_json(indent=2) + "\n")
