"""Collect NLTK's own package data only.

The stock hook also copies every folder on ``nltk.data.path`` of the build machine (e.g. a
developer's ``~/nltk_data`` with gigabytes of corpora). MindSpace ships the data it needs under
``resources/nltk_data/`` and points NLTK there at run time, so nothing else is collected.
"""

from PyInstaller.utils.hooks import collect_data_files

datas = collect_data_files("nltk", include_py_files=False, excludes=["**/test/**", "**/tests/**"])
hiddenimports = ["nltk.chunk.named_entity"]
