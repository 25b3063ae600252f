"""CTranslate2 (used by faster-whisper): collect the package's shared libraries and data.

The converters (which would pull torch/transformers) are never used at run time; those
frameworks are excluded in the spec.
"""

from PyInstaller.utils.hooks import collect_data_files, collect_dynamic_libs

binaries = collect_dynamic_libs("ctranslate2")
datas = collect_data_files("ctranslate2", excludes=["**/__pycache__", "**/converters/**"])
