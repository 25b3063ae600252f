"""The use-case layer: the GUI and the CLI call these, and nothing below them.

`container.AppServices` owns lifetimes (vault, repositories, lazy models); one module per use
case holds what a request does from start to end; `errors` maps failures to user messages.
"""

from mindspace.app.container import AppServices
from mindspace.app.preferences import Preferences, default_data_dir

__all__ = ["AppServices", "Preferences", "default_data_dir"]
