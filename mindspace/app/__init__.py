"""The use-case layer: the GUI and the CLI call these, and nothing below them.

`container.AppServices` owns lifetimes (vault, repositories, lazy models); one module per use
case holds what a request does from start to end; `errors` maps failures to user messages.

The names below load on first use, so importing one light module of this package (`errors`,
say, to build the command line) does not open the storage stack.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from mindspace.app.container import AppServices
    from mindspace.app.preferences import Preferences, default_data_dir

__all__ = ["AppServices", "Preferences", "default_data_dir"]

_HOMES = {
    "AppServices": "mindspace.app.container",
    "Preferences": "mindspace.app.preferences",
    "default_data_dir": "mindspace.app.preferences",
}


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(home), name)
    globals()[name] = value
    return value
