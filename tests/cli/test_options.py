"""``--option NAME=VALUE`` strings become a model's typed options."""

from __future__ import annotations

import pytest

from accord.cli.options import model_options
from accord.errors import OptionError
from accord.models.eum import EUMOptions
from accord.models.trajectory import ExchangeOptions


def test_values_take_the_type_of_their_field() -> None:
    opts = model_options("eum", EUMOptions, ["q=0.5", " max_rounds = 7 ", "mu=mean",
                                             "scale=2.5"])
    assert opts == EUMOptions(q=0.5, max_rounds=7, mu="mean", scale=2.5)
    assert model_options("eum", EUMOptions, ["scale=None"]).scale is None
    assert model_options("eum", EUMOptions, []) == EUMOptions()
    assert model_options("exchange", ExchangeOptions, ["rounds=3"]) == ExchangeOptions(3)


@pytest.mark.parametrize(
    ("texts", "message"),
    [
        (["q"], "expected NAME=VALUE, not 'q'"),
        (["zz=1"], "unknown eum option 'zz'; choose from q, t, risk"),
        (["q=abc"], "eum option q: 'abc' is not a float"),
        (["scale=big"], "eum option scale: 'big' is not a float"),
        (["max_rounds=1.5"], "eum option max_rounds: '1.5' is not a int"),
        (["risk=reckless"], "eum: unknown risk variant 'reckless'"),
        (["t=-1"], "eum: t must be in [0, 1], not -1.0"),
    ],
)
def test_every_bad_option_is_an_option_error(texts: list[str], message: str) -> None:
    with pytest.raises(OptionError) as err:
        model_options("eum", EUMOptions, texts)
    assert err.value.file == "--option"
    assert message in err.value.problem
