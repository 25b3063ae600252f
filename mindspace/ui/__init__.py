"""The desktop front end (the only package that imports Qt)."""

from mindspace.ui.qt_refcount import keep_none_alive

keep_none_alive()
